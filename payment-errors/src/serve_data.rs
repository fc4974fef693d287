//! `Reply::data` (feature `serde`): any `Serialize` value becomes the body's `{data}`, through
//! a small serializer into the JSON writer's value type. Nothing the caller passes is written
//! as raw JSON text, so data cannot close the envelope's object and add members (issue 13).

use std::fmt;

use serde::ser::{self, Serialize};

use crate::json::Json;

/// Why a value could not become a body's `data`: a map key that is not a string or a number,
/// or the value's own `Serialize` failing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError(String);

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot serialize the response data: {}", self.0)
    }
}

impl std::error::Error for DataError {}

impl ser::Error for DataError {
    fn custom<T: fmt::Display>(msg: T) -> DataError {
        DataError(msg.to_string())
    }
}

/// The value as a [`Json`] tree.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<Json, DataError> {
    value.serialize(ToJson)
}

struct ToJson;

type R = Result<Json, DataError>;

impl ser::Serializer for ToJson {
    type Ok = Json;
    type Error = DataError;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Map;

    fn serialize_bool(self, v: bool) -> R {
        Ok(Json::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        Ok(Json::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> R {
        Ok(Json::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> R {
        Ok(Json::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> R {
        Ok(Json::Int(v))
    }
    fn serialize_u8(self, v: u8) -> R {
        Ok(Json::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> R {
        Ok(Json::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> R {
        Ok(Json::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> R {
        Ok(i64::try_from(v).map_or(Json::UInt(v), Json::Int))
    }
    fn serialize_f32(self, v: f32) -> R {
        Ok(Json::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> R {
        Ok(Json::Float(v))
    }
    fn serialize_char(self, v: char) -> R {
        Ok(Json::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(Json::Str(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        Ok(Json::Array(
            v.iter().map(|b| Json::Int((*b).into())).collect(),
        ))
    }
    fn serialize_none(self) -> R {
        Ok(Json::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(Json::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(Json::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        Ok(Json::Str(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        Ok(Json::Object(vec![(variant.to_owned(), to_json(value)?)]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, DataError> {
        Ok(Seq {
            items: Vec::with_capacity(len.unwrap_or(0).min(1024)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, DataError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq, DataError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq, DataError> {
        Ok(Seq {
            items: Vec::new(),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map, DataError> {
        Ok(Map {
            members: Vec::new(),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map, DataError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Map, DataError> {
        Ok(Map {
            members: Vec::new(),
            key: None,
            variant: Some(variant),
        })
    }
}

struct Seq {
    items: Vec<Json>,
    variant: Option<&'static str>,
}

impl Seq {
    fn done(self) -> R {
        let array = Json::Array(self.items);
        Ok(match self.variant {
            Some(v) => Json::Object(vec![(v.to_owned(), array)]),
            None => array,
        })
    }
}

impl ser::SerializeSeq for Seq {
    type Ok = Json;
    type Error = DataError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
        self.items.push(to_json(value)?);
        Ok(())
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = Json;
    type Error = DataError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTupleStruct for Seq {
    type Ok = Json;
    type Error = DataError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTupleVariant for Seq {
    type Ok = Json;
    type Error = DataError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        self.done()
    }
}

struct Map {
    members: Vec<(String, Json)>,
    key: Option<String>,
    variant: Option<&'static str>,
}

impl Map {
    fn done(self) -> R {
        let object = Json::Object(self.members);
        Ok(match self.variant {
            Some(v) => Json::Object(vec![(v.to_owned(), object)]),
            None => object,
        })
    }
}

/// A map key as JSON writes it: strings as they are, numbers, booleans and chars as text.
fn key_text(key: Json) -> Result<String, DataError> {
    match key {
        Json::Str(s) => Ok(s),
        Json::Int(i) => Ok(i.to_string()),
        Json::UInt(u) => Ok(u.to_string()),
        Json::Bool(b) => Ok(b.to_string()),
        _ => Err(DataError("a map key must be a string or a number".into())),
    }
}

impl ser::SerializeMap for Map {
    type Ok = Json;
    type Error = DataError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), DataError> {
        self.key = Some(key_text(to_json(key)?)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DataError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| DataError("a map value without its key".into()))?;
        self.members.push((key, to_json(value)?));
        Ok(())
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeStruct for Map {
    type Ok = Json;
    type Error = DataError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), DataError> {
        self.members.push((key.to_owned(), to_json(value)?));
        Ok(())
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeStructVariant for Map {
    type Ok = Json;
    type Error = DataError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), DataError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> R {
        self.done()
    }
}
