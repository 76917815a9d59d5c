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

    /// The member name of the last segment, when it is a structure member.
    pub(crate) fn last_field(&self) -> Option<&'a str> {
        match self.segment {
            Some(Segment::Field(name)) => Some(name),
            _ => None,
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

impl Path<'_> {
    /// Appends the path in AWS's dotted form, without collecting its segments first;
    /// `true` when it appended anything (the root is empty).
    pub(crate) fn push_to(&self, out: &mut String) -> bool {
        let wrote = match self.parent {
            Some(parent) => parent.push_to(out),
            None => false,
        };
        match self.segment {
            Some(segment) => {
                if wrote {
                    out.push('.');
                }
                push_segment(out, segment);
                true
            }
            None => wrote,
        }
    }
}

/// Appends one segment in AWS's form (`name`, `3.member`, `entry.3.value`), without the
/// formatting machinery: paths of a hostile body are built by the hundred thousand.
pub(crate) fn push_segment(out: &mut String, segment: Segment<'_>) {
    match segment {
        Segment::Field(name) => out.push_str(name),
        Segment::Index(n) => {
            push_number(out, n);
            out.push_str(".member");
        }
        Segment::MapKey(n) => {
            out.push_str("entry.");
            push_number(out, n);
            out.push_str(".key");
        }
        Segment::MapValue(n) => {
            out.push_str("entry.");
            push_number(out, n);
            out.push_str(".value");
        }
    }
}

fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits only.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or("0"));
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.push_to(&mut out);
        f.write_str(&out)
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
        assert_eq!(
            tags.map_value(1234566).to_string(),
            "tags.entry.1234567.value"
        );
        assert_eq!(root.index(9).to_string(), "10.member");
    }
}
