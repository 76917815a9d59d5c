//! [`HttpService`]: a [`Dispatch`] behind HTTP, as a `tower::Service` over `http` requests.

use std::borrow::Cow;
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;

use bytes::Bytes;
use http::header::{ALLOW, CONTENT_TYPE, HeaderName, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use http_body::Body;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};

use super::{Answer, Context, Dispatch};

/// The largest request body [`HttpService`] reads unless told otherwise: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1 << 20;

// Lower case, as `http` stores header names; HTTP/1 writes them so, and clients compare names
// without case.
const TARGET: HeaderName = HeaderName::from_static("x-amz-target");
const REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
const ERROR_TYPE: HeaderName = HeaderName::from_static("x-amzn-errortype");

/// The errors a body may fail to be read with, whatever its type.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A service's HTTP door: a `tower::Service<http::Request<B>>` for any body `B`, so it
/// mounts on hyper 1 (through `hyper_util::service::TowerToHyperService`), on axum
/// (`Router::fallback_service`, `route_service`) or in any tower stack.
///
/// Each request is answered as an AWS JSON service answers it:
/// - `POST /` with an `X-Amz-Target` header goes to the [`Dispatch`] (routing, parsing,
///   validation, the handler, the response or the AWS error);
/// - another method answers 405 (`MethodNotAllowed`, with `Allow: POST`), another path 404
///   (`NotFound`), a call without `X-Amz-Target` 400 (`UnknownOperationException`);
/// - a body larger than the limit ([`DEFAULT_BODY_LIMIT`] unless
///   [`HttpService::with_body_limit`] says otherwise) answers 413
///   (`RequestEntityTooLargeException`) without being read past the limit.
///
/// Every answer carries `Content-Type`, `x-amzn-RequestId`, and on errors
/// `x-amzn-ErrorType` and a `{"__type": ..., "message": ...}` body.
pub struct HttpService<D> {
    dispatch: Arc<D>,
    body_limit: usize,
    /// `D::CONTENT_TYPE`, checked once (a value that cannot be a header is left out).
    content_type: Option<HeaderValue>,
}

impl<D> Clone for HttpService<D> {
    fn clone(&self) -> Self {
        HttpService {
            dispatch: Arc::clone(&self.dispatch),
            body_limit: self.body_limit,
            content_type: self.content_type.clone(),
        }
    }
}

impl<D> fmt::Debug for HttpService<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpService")
            .field("body_limit", &self.body_limit)
            .finish_non_exhaustive()
    }
}

impl<D: Dispatch> HttpService<D> {
    /// The HTTP door of `dispatch`.
    pub fn new(dispatch: D) -> Self {
        HttpService::from_arc(Arc::new(dispatch))
    }

    /// The HTTP door of a shared `dispatch` (to keep a handle on the service's state).
    pub fn from_arc(dispatch: Arc<D>) -> Self {
        HttpService {
            dispatch,
            body_limit: DEFAULT_BODY_LIMIT,
            content_type: HeaderValue::from_str(D::CONTENT_TYPE).ok(),
        }
    }

    /// The same door with another limit on request bodies, in bytes.
    pub fn with_body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// The limit on request bodies, in bytes.
    pub fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// What requests are dispatched to.
    pub fn dispatcher(&self) -> &D {
        &self.dispatch
    }

    /// Answers one request (what `tower::Service::call` does, without the boxing).
    pub async fn handle<B>(&self, request: Request<B>) -> Response<Full<Bytes>>
    where
        B: Body,
        B::Error: Into<BoxError>,
    {
        let answer = self.answer(request).await;
        into_response(answer, self.content_type.clone())
    }

    async fn answer<B>(&self, request: Request<B>) -> Answer
    where
        B: Body,
        B::Error: Into<BoxError>,
    {
        let (parts, body) = request.into_parts();
        let cx = Context::from_http_headers(parts.headers);
        let refuse = |status: u16, code: &str, message: &str| {
            Answer::error_message(D::CONTENT_TYPE, &cx, status, code, Some(message))
        };
        if parts.method != Method::POST {
            let message = format!(
                "Method {} is not allowed: calls are POST requests to /",
                parts.method
            );
            return refuse(405, "MethodNotAllowed", &message);
        }
        if parts.uri.path() != "/" {
            let message = format!(
                "Nothing is served at {}: calls are POST requests to /",
                parts.uri.path()
            );
            return refuse(404, "NotFound", &message);
        }
        let target = match cx.http_headers().and_then(|h| h.get(&TARGET)) {
            Some(value) => value.clone(),
            None => {
                return refuse(
                    400,
                    "UnknownOperationException",
                    "Missing the X-Amz-Target header, which names the operation",
                );
            }
        };
        let too_large = || {
            let message = format!(
                "The request body is larger than the limit of {} bytes",
                self.body_limit
            );
            refuse(413, "RequestEntityTooLargeException", &message)
        };
        // A declared length past the limit is refused before anything is read.
        if body.size_hint().lower() > self.body_limit as u64 {
            return too_large();
        }
        let bytes = match Limited::new(body, self.body_limit).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => return too_large(),
            Err(_) => {
                return refuse(
                    400,
                    "SerializationException",
                    "The request body could not be read",
                );
            }
        };
        // A target that is not UTF-8 names no operation; it is shown as well as it can be.
        let target = match std::str::from_utf8(target.as_bytes()) {
            Ok(target) => Cow::Borrowed(target),
            Err(_) => String::from_utf8_lossy(target.as_bytes()),
        };
        self.dispatch.dispatch(&cx, &target, &bytes).await
    }
}

/// The `http` response of an answer (`content_type` is its `Content-Type`, checked once).
fn into_response(answer: Answer, content_type: Option<HeaderValue>) -> Response<Full<Bytes>> {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.reserve(4);
    // Values that cannot be header values (a code or id with control characters, which no
    // generated code makes) are left out rather than failing the answer.
    let content_type = match content_type {
        Some(value) if value == answer.content_type => Some(value),
        _ => HeaderValue::from_str(answer.content_type).ok(),
    };
    if let Some(value) = content_type {
        headers.insert(CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::try_from(answer.request_id) {
        headers.insert(REQUEST_ID, value);
    }
    if let Some(Ok(value)) = answer.error_type.map(HeaderValue::try_from) {
        headers.insert(ERROR_TYPE, value);
    }
    if status == StatusCode::METHOD_NOT_ALLOWED {
        headers.insert(ALLOW, HeaderValue::from_static("POST"));
    }
    response
}

impl<D, B> tower_service::Service<Request<B>> for HttpService<D>
where
    D: Dispatch + 'static,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BoxError>,
{
    type Response = Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { Ok(this.handle(request).await) })
    }
}
