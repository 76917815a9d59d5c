//! Wire paths of validated members, built on the stack while validating.
//!
//! A [`Path`] is a linked list of segments that borrows its parent, so walking a request
//! allocates nothing; the text form is only built when a violation is recorded.

use std::fmt;

/// One step from a parent value to a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// A structure member, by its path name (the wire name with its first letter
    /// lower-cased, e.g. `userPoolId`).
    Field(&'a str),
    /// A list element, 1-based as AWS reports it: `attributes.2.member`.
    Index(usize),
    /// The key of the map entry at this 1-based position: `tags.entry.1.key`.
    MapKey(usize),
    /// The value of the map entry at this 1-based position: `tags.entry.1.value`.
    MapValue(usize),
}

/// The location of a value inside a request, as a chain of [`Segment`]s.
///
/// `Path::ROOT` is the request itself; [`Path::field`], [`Path::index`],
/// [`Path::map_key`] and [`Path::map_value`] extend it without allocating.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Option<Segment<'a>>,
}

impl<'a> Path<'a> {
    /// The path of the top-level value.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        segment: None,
    };

    /// The path of the member `name` (already in path form, e.g. `clientId`).
    #[inline]
    pub fn field<'b>(&'b self, name: &'b str) -> Path<'b> {
        Path {
            parent: Some(self),
            segment: Some(Segment::Field(name)),
        }
    }

    /// The path of the list element at the 0-based `index` (rendered 1-based).
    #[inline]
    pub fn index(&self, index: usize) -> Path<'_> {
        Path {
            parent: Some(self),
            segment: Some(Segment::Index(index + 1)),
        }
    }

    /// The path of the key of the map entry at the 0-based `position`.
    #[inline]
    pub fn map_key(&self, position: usize) -> Path<'_> {
        Path {
            parent: Some(self),
            segment: Some(Segment::MapKey(position + 1)),
        }
    }

    /// The path of the value of the map entry at the 0-based `position`.
    #[inline]
    pub fn map_value(&self, position: usize) -> Path<'_> {
        Path {
            parent: Some(self),
            segment: Some(Segment::MapValue(position + 1)),
        }
    }

    /// Whether this is the path of the top-level value.
    pub fn is_root(&self) -> bool {
        self.segment.is_none()
    }

    /// The segments from the root to this path.
    pub fn segments(&self) -> Vec<Segment<'a>> {
        let mut out = Vec::new();
        let mut cur = Some(self);
        while let Some(p) = cur {
            if let Some(s) = p.segment {
                out.push(s);
            }
            cur = p.parent;
        }
        out.reverse();
        out
    }
}

/// Writes segments in AWS's dotted form: `schema.1.member.name`.
pub(crate) fn write_segments(f: &mut impl fmt::Write, segments: &[Segment<'_>]) -> fmt::Result {
    for (i, seg) in segments.iter().enumerate() {
        if i > 0 {
            f.write_char('.')?;
        }
        match seg {
            Segment::Field(name) => f.write_str(name)?,
            Segment::Index(n) => write!(f, "{n}.member")?,
            Segment::MapKey(n) => write!(f, "entry.{n}.key")?,
            Segment::MapValue(n) => write!(f, "entry.{n}.value")?,
        }
    }
    Ok(())
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_segments(f, &self.segments())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_aws_paths() {
        let root = Path::ROOT;
        assert_eq!(root.to_string(), "");
        let schema = root.field("schema");
        let elem = schema.index(0);
        let name = elem.field("name");
        assert_eq!(name.to_string(), "schema.1.member.name");
        let media = root.field("desiredDeliveryMediums");
        assert_eq!(
            media.index(1).to_string(),
            "desiredDeliveryMediums.2.member"
        );
        let tags = root.field("tags");
        assert_eq!(tags.map_key(0).to_string(), "tags.entry.1.key");
        assert_eq!(tags.map_value(2).to_string(), "tags.entry.3.value");
    }
}
