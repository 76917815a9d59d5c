//! The HTTP door (`serve::HttpService`): a `tower::Service` over `http` requests, called
//! directly, mounted on axum, and served by hyper on a loopback socket. Exact statuses,
//! headers and bodies.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context as TaskContext, Poll};

use bytes::Bytes;
use cognito_idp::serve::HttpService;
use cognito_idp::{Context, Dispatcher, Service, errors, types};
use http::{Method, Request, Response, StatusCode};
use http_body::{Body, Frame};
use http_body_util::{BodyExt, Full};
use tower_service::Service as _;

const SIGN_UP: &str = "AWSCognitoIdentityProviderService.SignUp";
const ALICE: &str =
    r#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice","Password":"Correct-Horse-9"}"#;

#[derive(Default)]
struct Server;

impl Service for Server {
    async fn sign_up(
        &self,
        _: &Context,
        input: types::SignUpRequest,
    ) -> Result<types::SignUpResponse, errors::SignUpError> {
        if input.username == "taken" {
            return Err(types::UsernameExistsException::new("User already exists").into());
        }
        Ok(types::SignUpResponse::new(false, "sub-1"))
    }
}

fn door() -> HttpService<Dispatcher<Server>> {
    HttpService::new(Dispatcher::new(Server)).with_body_limit(256)
}

fn request(method: Method, path: &str, target: Option<&str>, body: &str) -> Request<Full<Bytes>> {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/x-amz-json-1.1");
    if let Some(target) = target {
        builder = builder.header("x-amz-target", target);
    }
    builder
        .body(Full::new(Bytes::from(body.to_owned())))
        .expect("a request")
}

/// Status, headers (name, value; request id checked and left out) and body of a response.
async fn read<B>(response: Response<B>) -> (u16, Vec<(String, String)>, String)
where
    B: Body,
    B::Error: std::fmt::Debug,
{
    let status = response.status().as_u16();
    let mut headers = Vec::new();
    for (name, value) in response.headers() {
        let value = value.to_str().expect("ASCII").to_owned();
        if name == "x-amzn-requestid" {
            let lens: Vec<usize> = value.split('-').map(str::len).collect();
            assert_eq!(lens, [8, 4, 4, 4, 12], "a UUID: {value}");
        } else {
            headers.push((name.as_str().to_owned(), value));
        }
    }
    assert!(response.headers().contains_key("x-amzn-requestid"));
    let body = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    (
        status,
        headers,
        String::from_utf8(body.to_vec()).expect("UTF-8"),
    )
}

async fn call(request: Request<Full<Bytes>>) -> (u16, Vec<(String, String)>, String) {
    let Ok(response) = door().call(request).await;
    read(response).await
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

fn error_headers(code: &str) -> Vec<(String, String)> {
    headers(&[
        ("content-type", "application/x-amz-json-1.1"),
        ("x-amzn-errortype", code),
    ])
}

#[tokio::test]
async fn a_valid_call_is_answered() {
    let answer = call(request(Method::POST, "/", Some(SIGN_UP), ALICE)).await;
    assert_eq!(
        answer,
        (
            200,
            headers(&[("content-type", "application/x-amz-json-1.1")]),
            r#"{"UserConfirmed":false,"UserSub":"sub-1"}"#.to_owned()
        )
    );
    // With a query string, the path is still `/`.
    let answer = call(request(Method::POST, "/?x=1", Some(SIGN_UP), ALICE)).await;
    assert_eq!(answer.0, 200);
}

#[tokio::test]
async fn errors_carry_their_code_in_a_header() {
    let taken = ALICE.replace("alice", "taken");
    assert_eq!(
        call(request(Method::POST, "/", Some(SIGN_UP), &taken)).await,
        (
            400,
            error_headers("UsernameExistsException"),
            r#"{"__type":"UsernameExistsException","message":"User already exists"}"#.to_owned()
        )
    );
    let bad = ALICE.replace("alice", "");
    let (status, hdrs, body) = call(request(Method::POST, "/", Some(SIGN_UP), &bad)).await;
    assert_eq!(
        (status, hdrs),
        (400, error_headers("InvalidParameterException"))
    );
    assert!(body.starts_with(r#"{"__type":"InvalidParameterException","message":"2 validation errors detected: Value at 'username'"#), "{body}");
    let wrong = ALICE.replace(r#""alice""#, "true");
    assert_eq!(
        call(request(Method::POST, "/", Some(SIGN_UP), &wrong)).await,
        (
            400,
            error_headers("SerializationException"),
            r#"{"__type":"SerializationException","message":"TRUE_VALUE can not be converted to a String"}"#.to_owned()
        )
    );
    assert_eq!(
        call(request(Method::POST, "/", Some(SIGN_UP), "{")).await,
        (
            400,
            error_headers("SerializationException"),
            r#"{"__type":"SerializationException"}"#.to_owned()
        )
    );
    assert_eq!(
        call(request(Method::POST, "/", Some("AWSCognitoIdentityProviderService.Nope"), "{}")).await,
        (
            400,
            error_headers("UnknownOperationException"),
            r#"{"__type":"UnknownOperationException","message":"Unknown operation: AWSCognitoIdentityProviderService.Nope"}"#.to_owned()
        )
    );
    assert_eq!(
        call(request(
            Method::POST,
            "/",
            Some("AWSCognitoIdentityProviderService.ListUsers"),
            r#"{"UserPoolId":"us-east-1_abc"}"#
        ))
        .await,
        (
            501,
            error_headers("NotImplemented"),
            r#"{"__type":"NotImplemented","message":"The operation ListUsers is not implemented by this server"}"#.to_owned()
        )
    );
}

#[tokio::test]
async fn a_call_without_a_target_is_unknown_operation_exception() {
    assert_eq!(
        call(request(Method::POST, "/", None, ALICE)).await,
        (
            400,
            error_headers("UnknownOperationException"),
            r#"{"__type":"UnknownOperationException","message":"Missing the X-Amz-Target header, which names the operation"}"#.to_owned()
        )
    );
}

#[tokio::test]
async fn only_post_on_the_root_is_served() {
    let mut allow = error_headers("MethodNotAllowed");
    allow.push(("allow".to_owned(), "POST".to_owned()));
    assert_eq!(
        call(request(Method::GET, "/", Some(SIGN_UP), "")).await,
        (
            405,
            allow,
            r#"{"__type":"MethodNotAllowed","message":"Method GET is not allowed: calls are POST requests to /"}"#.to_owned()
        )
    );
    assert_eq!(
        call(request(Method::POST, "/users", Some(SIGN_UP), ALICE)).await,
        (
            404,
            error_headers("NotFound"),
            r#"{"__type":"NotFound","message":"Nothing is served at /users: calls are POST requests to /"}"#.to_owned()
        )
    );
}

/// A body that comes in chunks and does not say how long it is (as a chunked upload).
struct Chunked(Vec<Bytes>);

impl Body for Chunked {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut TaskContext<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.0.is_empty() {
            Poll::Ready(None)
        } else {
            Poll::Ready(Some(Ok(Frame::data(self.0.remove(0)))))
        }
    }
}

#[tokio::test]
async fn a_body_past_the_limit_is_refused() {
    let too_large = (
        413,
        error_headers("RequestEntityTooLargeException"),
        r#"{"__type":"RequestEntityTooLargeException","message":"The request body is larger than the limit of 256 bytes"}"#.to_owned(),
    );
    let big = format!(r#"{{"ClientId":"{}","Username":"a"}}"#, "c".repeat(300));
    // Its length is known before it is read.
    assert_eq!(
        call(request(Method::POST, "/", Some(SIGN_UP), &big)).await,
        too_large
    );
    // Its length is only known once read: refused as soon as the limit is passed.
    let chunks = Chunked(vec![Bytes::from(big.clone()); 4]);
    let chunked = Request::post("/")
        .header("x-amz-target", SIGN_UP)
        .body(chunks)
        .expect("a request");
    let Ok(response) = door().call(chunked).await;
    assert_eq!(read(response).await, too_large);
    // At the limit, it is read.
    let fits = format!(r#"{{"ClientId":"{}","Username":"a"}}"#, "c".repeat(128));
    let padded = format!("{fits}{}", " ".repeat(256 - fits.len()));
    assert_eq!(padded.len(), 256);
    let (status, _, body) = call(request(Method::POST, "/", Some(SIGN_UP), &padded)).await;
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"UserConfirmed":false,"UserSub":"sub-1"}"#)
    );
}

#[tokio::test]
async fn every_answer_has_its_own_request_id() {
    let mut ids = std::collections::BTreeSet::new();
    for _ in 0..50 {
        let Ok(response) = door().call(request(Method::GET, "/", None, "")).await;
        ids.insert(
            response.headers()["x-amzn-requestid"]
                .to_str()
                .unwrap()
                .to_owned(),
        );
    }
    assert_eq!(ids.len(), 50);
}

#[tokio::test]
async fn it_mounts_on_axum() {
    let mut app = axum::Router::new().fallback_service(door());
    let request = Request::post("/")
        .header("x-amz-target", SIGN_UP)
        .body(axum::body::Body::from(ALICE))
        .expect("a request");
    let Ok(response) = app.call(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (status, _, body) = read(response).await;
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"UserConfirmed":false,"UserSub":"sub-1"}"#)
    );
}

#[tokio::test]
async fn hyper_serves_it_on_a_socket() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let service = hyper_util::service::TowerToHyperService::new(door());
        hyper::server::conn::http1::Builder::new()
            .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
            .await
    });
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let raw = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: {SIGN_UP}\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{ALICE}",
        ALICE.len()
    );
    stream.write_all(raw.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    let head = head.to_ascii_lowercase();
    assert!(
        head.contains("\r\ncontent-type: application/x-amz-json-1.1"),
        "{head}"
    );
    assert!(head.contains("\r\nx-amzn-requestid: "), "{head}");
    assert!(head.contains("\r\ncontent-length: 41"), "{head}");
    assert_eq!(body, r#"{"UserConfirmed":false,"UserSub":"sub-1"}"#);
    server.await.unwrap().unwrap();
}
