//! Serving an AWS JSON API: what a generated crate's `Service` trait and `dispatch` share.
//!
//! - [`Context`]: what a handler learns of a call besides its body (the request id it is
//!   answered with, and the request's headers).
//! - [`Answer`]: the status, headers and body of an HTTP answer, as any server sends it.
//! - [`Dispatch`]: a framework-free door (target + body in, [`Answer`] out), which generated
//!   crates implement for their `Dispatcher`.
//! - `HttpService` (feature `server`): the same door as a `tower::Service` over `http`
//!   requests, for hyper 1, axum or any tower stack.
//!
//! The HTTP adapter lives here, behind a feature, rather than in a crate of its own: the
//! generated code and the adapter meet only at [`Dispatch`], which must be in the runtime
//! that generated crates already depend on, and a feature lets a user turn serving on with
//! one line (`cognito-idp = { features = ["server"] }`) while crates that only read and
//! check bodies compile none of `http`, `http-body` or `tower-service`.

use std::collections::hash_map::RandomState;
use std::future::Future;
use std::hash::BuildHasher;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(feature = "server")]
mod http_service;

#[cfg(feature = "server")]
pub use http_service::{DEFAULT_BODY_LIMIT, HttpService};

/// The header that names the operation of a call (`X-Amz-Target: <Prefix>.<Operation>`).
pub const TARGET_HEADER: &str = "X-Amz-Target";
/// The header that carries the request id of every answer.
pub const REQUEST_ID_HEADER: &str = "x-amzn-RequestId";
/// The header that carries the error code of a failed call.
pub const ERROR_TYPE_HEADER: &str = "x-amzn-ErrorType";

/// What a handler learns of a call besides its body: the request id the call is answered
/// with (`x-amzn-RequestId`) and the request's headers.
///
/// ```
/// use specgen_runtime::serve::Context;
///
/// let cx = Context::new().with_header("X-Forwarded-For", "203.0.113.7");
/// assert_eq!(cx.request_id().len(), 36);
/// assert_eq!(cx.header("x-forwarded-for"), Some("203.0.113.7"));
/// assert_eq!(Context::with_request_id("r-1").request_id(), "r-1");
/// ```
#[derive(Debug, Clone)]
pub struct Context {
    request_id: String,
    /// Headers given one by one (`with_header`).
    headers: Vec<(String, String)>,
    /// The headers of an `http` request, kept whole rather than copied.
    #[cfg(feature = "server")]
    http: Option<http::HeaderMap>,
}

impl Default for Context {
    fn default() -> Self {
        Context::new()
    }
}

impl Context {
    /// A context with a fresh request id and no headers.
    pub fn new() -> Self {
        Context::with_request_id(new_request_id())
    }

    /// A context with this request id and no headers.
    pub fn with_request_id(request_id: impl Into<String>) -> Self {
        Context {
            request_id: request_id.into(),
            headers: Vec::new(),
            #[cfg(feature = "server")]
            http: None,
        }
    }

    /// The same context with one more header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// A context with a fresh request id and the headers of an `http` request.
    #[cfg(feature = "server")]
    pub fn from_http_headers(headers: http::HeaderMap) -> Self {
        let mut cx = Context::new();
        cx.http = Some(headers);
        cx
    }

    /// The request id the call is answered with (`x-amzn-RequestId`).
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The first value of a header, by case-insensitive name (`None` when absent, or when its
    /// value is not UTF-8).
    pub fn header(&self, name: &str) -> Option<&str> {
        if let Some((_, value)) = self
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            return Some(value);
        }
        #[cfg(feature = "server")]
        if let Some(map) = &self.http {
            return map.get(name).and_then(|v| v.to_str().ok());
        }
        None
    }

    /// Every header as `(name, value)`, values that are not UTF-8 left out (the `http`
    /// headers whole are `Context::http_headers`, with feature `server`).
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        let given = self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        #[cfg(feature = "server")]
        let from_http = self.http.iter().flat_map(|map| {
            map.iter()
                .filter_map(|(n, v)| v.to_str().ok().map(|v| (n.as_str(), v)))
        });
        #[cfg(not(feature = "server"))]
        let from_http = std::iter::empty();
        given.chain(from_http)
    }

    /// The headers of the `http` request this context was made from.
    #[cfg(feature = "server")]
    pub fn http_headers(&self) -> Option<&http::HeaderMap> {
        self.http.as_ref()
    }
}

/// A fresh request id in the form AWS gives them: a version 4 UUID
/// (`8d3f0c2a-5b7e-4c1d-9a6f-0e2b4c6d8f10`).
///
/// A process-wide counter mixed with keys drawn once per process (from std's `RandomState`)
/// by SplitMix64, a bijection: distinct for every call of a process, unpredictable across
/// processes, and without a dependency on a random number generator. Not a secret: request
/// ids are printed in logs.
pub fn new_request_id() -> String {
    static KEYS: OnceLock<(u64, u64)> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let (a, b) = *KEYS.get_or_init(|| {
        let state = RandomState::new();
        (state.hash_one(0u8), state.hash_one(1u8))
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let high = splitmix64(n ^ a);
    let low = splitmix64(n.wrapping_add(b));
    // Version 4 and the RFC 4122 variant, as random UUIDs carry them.
    let high = (high & !0xf000) | 0x4000;
    let low = (low & !(0b11 << 62)) | (0b10 << 62);
    let bytes = (u128::from(high) << 64 | u128::from(low)).to_be_bytes();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(36);
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    out
}

/// SplitMix64's finalizer: a bijection of `u64` that spreads every input bit over the output.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// An HTTP answer: status, the AWS headers and the body.
///
/// Every answer carries `Content-Type` (the service's JSON version) and `x-amzn-RequestId`;
/// an error also carries `x-amzn-ErrorType` with its code, and its body is
/// `{"__type": "<Code>", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status (200, or the error's).
    pub status: u16,
    /// The `Content-Type` (`application/x-amz-json-1.1`).
    pub content_type: &'static str,
    /// The `x-amzn-RequestId`.
    pub request_id: String,
    /// The `x-amzn-ErrorType`: the error code, for errors only.
    pub error_type: Option<String>,
    /// The body: the response's JSON, or the error's.
    pub body: Vec<u8>,
}

impl Answer {
    /// A successful answer (200) with a JSON body.
    pub fn ok(content_type: &'static str, cx: &Context, body: Vec<u8>) -> Self {
        Answer {
            status: 200,
            content_type,
            request_id: cx.request_id().to_owned(),
            error_type: None,
            body,
        }
    }

    /// An error answer: its status, its code in `x-amzn-ErrorType`, and its wire body
    /// (`{"__type": ...}`).
    pub fn error(
        content_type: &'static str,
        cx: &Context,
        status: u16,
        code: &str,
        body: Vec<u8>,
    ) -> Self {
        Answer {
            status,
            content_type,
            request_id: cx.request_id().to_owned(),
            error_type: Some(code.to_owned()),
            body,
        }
    }

    /// An error answer whose body is `{"__type": "<code>", "message": "..."}`.
    pub fn error_message(
        content_type: &'static str,
        cx: &Context,
        status: u16,
        code: &str,
        message: Option<&str>,
    ) -> Self {
        let body = crate::error_code::to_json(code, message);
        Answer::error(content_type, cx, status, code, body)
    }

    /// Whether this answers an error (a status other than 2xx).
    pub fn is_error(&self) -> bool {
        !(200..300).contains(&self.status)
    }

    /// The headers to send, with AWS's spelling of their names: `Content-Type`,
    /// `x-amzn-RequestId` and, for errors, `x-amzn-ErrorType`.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            Some(("Content-Type", self.content_type)),
            Some((REQUEST_ID_HEADER, self.request_id.as_str())),
            self.error_type
                .as_deref()
                .map(|code| (ERROR_TYPE_HEADER, code)),
        ]
        .into_iter()
        .flatten()
    }
}

/// A framework-free door to a service: one call's target and body in, its [`Answer`] out.
///
/// Generated crates implement it for their `Dispatcher`, which routes each call to the
/// method of their `Service` trait; `HttpService` (feature `server`) puts any `Dispatch`
/// behind HTTP.
pub trait Dispatch: Send + Sync {
    /// The `Content-Type` of the service's answers (`application/x-amz-json-1.1`).
    const CONTENT_TYPE: &'static str;

    /// Answers one call: `target` is the `X-Amz-Target` header's value, `body` the request
    /// body (an empty body reads as `{}`).
    fn dispatch(
        &self,
        cx: &Context,
        target: &str,
        body: &[u8],
    ) -> impl Future<Output = Answer> + Send;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_uuids_and_distinct() {
        let ids: std::collections::BTreeSet<String> = (0..1000).map(|_| new_request_id()).collect();
        assert_eq!(ids.len(), 1000);
        for id in &ids {
            let parts: Vec<&str> = id.split('-').collect();
            let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
            assert_eq!(lens, [8, 4, 4, 4, 12], "{id}");
            assert!(parts[2].starts_with('4'), "{id}");
            assert!(matches!(&parts[3][..1], "8" | "9" | "a" | "b"), "{id}");
            assert!(id.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()));
        }
    }

    #[test]
    fn headers_are_found_by_any_case() {
        let cx = Context::with_request_id("r")
            .with_header("X-Amz-Target", "A.B")
            .with_header("x-custom", "1");
        assert_eq!(cx.header("x-amz-target"), Some("A.B"));
        assert_eq!(cx.header("X-CUSTOM"), Some("1"));
        assert_eq!(cx.header("absent"), None);
        assert_eq!(
            cx.headers().collect::<Vec<_>>(),
            [("X-Amz-Target", "A.B"), ("x-custom", "1")]
        );
    }

    #[test]
    fn answers_carry_the_aws_headers() {
        let cx = Context::with_request_id("r-1");
        let ok = Answer::ok("application/x-amz-json-1.1", &cx, b"{}".to_vec());
        assert!(!ok.is_error());
        assert_eq!(
            ok.headers().collect::<Vec<_>>(),
            [
                ("Content-Type", "application/x-amz-json-1.1"),
                ("x-amzn-RequestId", "r-1")
            ]
        );
        let err = Answer::error_message("application/x-amz-json-1.0", &cx, 400, "Nope", Some("m"));
        assert!(err.is_error());
        assert_eq!(err.body, br#"{"__type":"Nope","message":"m"}"#);
        assert_eq!(
            err.headers().collect::<Vec<_>>(),
            [
                ("Content-Type", "application/x-amz-json-1.0"),
                ("x-amzn-RequestId", "r-1"),
                ("x-amzn-ErrorType", "Nope")
            ]
        );
    }
}
