//! SignUp through the whole HTTP stack, beside a bare hyper handler, in one run.
//!
//! Two servers on loopback, each on one thread of its own (hyper 1, HTTP/1.1 keep-alive):
//! - `bare`: a hyper `service_fn` that reads the body and answers a fixed body;
//! - `cognito_idp`: `serve::HttpService` over `Dispatcher` of a `Service` whose SignUp
//!   answers a `SignUpResponse`: routing on `X-Amz-Target`, reading and validating the body,
//!   the handler, writing the response, the AWS headers and a fresh request id.
//!
//! A load generator on another thread keeps `CONNECTIONS` connections busy, each sending the
//! same valid SignUp request and reading the whole answer before the next. Rounds alternate
//! between the servers; the best round of each is kept (other work on a shared machine only
//! slows a round down), and the ratio is ours / bare (target: at least 0.8). Beside wall
//! time, each round also counts the CPU time of the server's thread (`/proc`), which other
//! work on the machine does not inflate: requests per CPU-second of the server are the
//! steadier figure on a busy machine.
//!
//! `cargo bench -p specgen-bench --bench serve` (part of `bench/run.sh`; `SERVE_ROUNDS` and
//! `SERVE_SECONDS` set the rounds per server and the seconds per round). Writes
//! `bench/results/serve.txt`, which `bench/report.py` puts in BENCHMARKS.md.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bytes::Bytes;
use cognito_idp::serve::HttpService;
use cognito_idp::{Context, Dispatcher, Service, errors, types};
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const CONNECTIONS: usize = 16;
const SIGN_UP: &str = r#"{"ClientId":"4c5ebn6bojtlrmu9q9oll6gqrg","Username":"alice@example.com","Password":"Correct-Horse-9","UserAttributes":[{"Name":"email","Value":"alice@example.com"}]}"#;
const ANSWER: &str = r#"{"UserConfirmed":false,"UserSub":"5f0c2a3e-8d4b-4c5a-9e1f-000000000001"}"#;

struct Bench;

impl Service for Bench {
    async fn sign_up(
        &self,
        _: &Context,
        _: types::SignUpRequest,
    ) -> Result<types::SignUpResponse, errors::SignUpError> {
        Ok(types::SignUpResponse::new(
            false,
            "5f0c2a3e-8d4b-4c5a-9e1f-000000000001",
        ))
    }
}

/// Starts a server on its own thread and runtime; returns its address and the thread's id.
fn start(ours: bool) -> (SocketAddr, Option<String>) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
            // `/proc/thread-self` links to `<pid>/task/<tid>`.
            let tid = std::fs::read_link("/proc/thread-self")
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
            tx.send((listener.local_addr().expect("an address"), tid))
                .expect("the bench waits");
            let door = HttpService::new(Dispatcher::new(Bench));
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let io = TokioIo::new(stream);
                if ours {
                    let service = hyper_util::service::TowerToHyperService::new(door.clone());
                    tokio::spawn(http1::Builder::new().serve_connection(io, service));
                } else {
                    let service = hyper::service::service_fn(bare);
                    tokio::spawn(http1::Builder::new().serve_connection(io, service));
                }
            }
        });
    });
    rx.recv().expect("the server starts")
}

/// The bare handler: reads the body, answers a fixed one.
async fn bare(
    request: hyper::Request<hyper::body::Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let _ = request.into_body().collect().await;
    Ok(hyper::Response::new(Full::new(Bytes::from_static(
        ANSWER.as_bytes(),
    ))))
}

fn request_bytes() -> Vec<u8> {
    format!(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSCognitoIdentityProviderService.SignUp\r\n\
         Content-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\n\r\n{SIGN_UP}",
        SIGN_UP.len()
    )
    .into_bytes()
}

/// Reads one answer from `stream` into `buf` (which may hold the start of the next):
/// returns its status, and its body when `keep` says so.
async fn read_answer(stream: &mut TcpStream, buf: &mut Vec<u8>, keep: bool) -> (u16, Vec<u8>) {
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = &buf[..end];
            let status = head
                .get(9..12)
                .and_then(|s| std::str::from_utf8(s).ok())
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            const LENGTH: &[u8] = b"content-length:";
            let length: usize = head
                .split(|&b| b == b'\n')
                .find(|l| l.len() > LENGTH.len() && l[..LENGTH.len()].eq_ignore_ascii_case(LENGTH))
                .and_then(|l| std::str::from_utf8(&l[LENGTH.len()..]).ok())
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            let total = end + 4 + length;
            while buf.len() < total {
                read_more(stream, buf).await;
            }
            let body = if keep {
                buf[end + 4..total].to_vec()
            } else {
                Vec::new()
            };
            buf.drain(..total);
            return (status, body);
        }
        read_more(stream, buf).await;
    }
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) {
    let mut chunk = [0u8; 4096];
    let n = stream.read(&mut chunk).await.expect("the server answers");
    assert!(n > 0, "the server closed the connection");
    buf.extend_from_slice(&chunk[..n]);
}

/// CPU seconds a thread of this process has used (user + system), from `/proc`.
fn cpu_seconds(tid: Option<&str>) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/self/task/{}/stat", tid?)).ok()?;
    // Fields after the command name (which may hold spaces, inside parentheses).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel counts in USER_HZ, 100 on Linux.
    Some(ticks / 100.0)
}

/// One round against a server: requests per second of wall time, and per CPU-second of the
/// server's thread.
struct Round {
    wall: f64,
    cpu: Option<f64>,
}

/// Loads the server at `addr` (its thread `tid`) for `seconds`.
async fn round(addr: SocketAddr, tid: Option<&str>, seconds: f64) -> Round {
    let before = cpu_seconds(tid);
    let started = Instant::now();
    let requests = load(addr, seconds).await;
    let wall = started.elapsed().as_secs_f64();
    let cpu = match (before, cpu_seconds(tid)) {
        (Some(a), Some(b)) if b > a => Some(requests / (b - a)),
        _ => None,
    };
    Round {
        wall: requests / wall,
        cpu,
    }
}

/// Requests answered by the server at `addr` over `seconds`.
async fn load(addr: SocketAddr, seconds: f64) -> f64 {
    let request = request_bytes();
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for _ in 0..CONNECTIONS {
        let request = request.clone();
        tasks.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(addr).await.expect("a connection");
            stream.set_nodelay(true).expect("no delay");
            let mut buf = Vec::with_capacity(8192);
            let mut done = 0u64;
            while Instant::now() < deadline {
                stream
                    .write_all(&request)
                    .await
                    .expect("the request is sent");
                let (status, _) = read_answer(&mut stream, &mut buf, false).await;
                assert_eq!(status, 200);
                done += 1;
            }
            done
        }));
    }
    let mut total = 0;
    for task in tasks {
        total += task.await.expect("a load task");
    }
    total as f64
}

/// One request, checked: the servers answer what they are meant to.
async fn check(addr: SocketAddr) {
    let mut stream = TcpStream::connect(addr).await.expect("a connection");
    stream.write_all(&request_bytes()).await.expect("sent");
    let mut buf = Vec::new();
    let (status, body) = read_answer(&mut stream, &mut buf, true).await;
    assert_eq!(
        (status, String::from_utf8_lossy(&body).as_ref()),
        (200, ANSWER)
    );
}

fn env(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter or `--list` is answered by doing nothing.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let rounds = env("SERVE_ROUNDS", 8.0) as usize;
    let seconds = env("SERVE_SECONDS", 1.5);
    let (bare_addr, bare_tid) = start(false);
    let (ours_addr, ours_tid) = start(true);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let (bare_rounds, ours_rounds) = runtime.block_on(async {
        check(bare_addr).await;
        check(ours_addr).await;
        // Warm both up (connections, caches, the patterns compiled once).
        load(bare_addr, 0.5).await;
        load(ours_addr, 0.5).await;
        let (mut bare_rounds, mut ours_rounds) = (Vec::new(), Vec::new());
        for i in 0..rounds {
            // Alternate which goes first, so that neither always follows the other.
            let order = if i % 2 == 0 {
                [false, true]
            } else {
                [true, false]
            };
            for ours in order {
                let (addr, tid) = if ours {
                    (ours_addr, ours_tid.as_deref())
                } else {
                    (bare_addr, bare_tid.as_deref())
                };
                let r = round(addr, tid, seconds).await;
                eprintln!(
                    "round {i}: {:<11} {:>7.0} req/s, {:>7.0} req per server CPU-second",
                    if ours { "cognito_idp" } else { "bare" },
                    r.wall,
                    r.cpu.unwrap_or(f64::NAN)
                );
                if ours {
                    &mut ours_rounds
                } else {
                    &mut bare_rounds
                }
                .push(r);
            }
        }
        (bare_rounds, ours_rounds)
    });
    let best = |v: Vec<f64>| v.into_iter().fold(0.0, f64::max);
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    let walls = |r: &[Round]| r.iter().map(|r| r.wall).collect::<Vec<_>>();
    let cpus = |r: &[Round]| r.iter().filter_map(|r| r.cpu).collect::<Vec<_>>();
    let (bare, ours) = (best(walls(&bare_rounds)), best(walls(&ours_rounds)));
    let ratio = ours / bare;
    let (bare_median, ours_median) = (median(walls(&bare_rounds)), median(walls(&ours_rounds)));
    let median_ratio = ours_median / bare_median;
    let (bare_cpu, ours_cpu) = (best(cpus(&bare_rounds)), best(cpus(&ours_rounds)));
    let cpu_ratio = ours_cpu / bare_cpu;
    println!(
        "bare hyper handler, fixed body:          {bare:>7.0} req/s (best of {rounds}), {bare_cpu:>7.0} per server CPU-second"
    );
    println!(
        "cognito_idp SignUp through HttpService:  {ours:>7.0} req/s (best of {rounds}), {ours_cpu:>7.0} per server CPU-second"
    );
    println!(
        "ratio: {ratio:.3} (median rounds: {median_ratio:.3}; per CPU-second: {cpu_ratio:.3}; target >= 0.8)"
    );

    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default();
    let results = format!(
        "# bench/benches/serve.rs: SignUp through HTTP beside a bare hyper handler, best of {rounds} rounds of {seconds} s\n\
         connections={CONNECTIONS}\nrounds={rounds}\nseconds={seconds}\n\
         bare_rps={bare:.0}\nours_rps={ours:.0}\nratio={ratio:.3}\n\
         bare_median_rps={bare_median:.0}\nours_median_rps={ours_median:.0}\nmedian_ratio={median_ratio:.3}\n\
         bare_cpu_rps={bare_cpu:.0}\nours_cpu_rps={ours_cpu:.0}\ncpu_ratio={cpu_ratio:.3}\nload={load}\n",
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/results/serve.txt");
    if let Err(e) = std::fs::write(path, results) {
        eprintln!("could not write {path}: {e}");
    }
}
