//! Hostile request bodies cost time linear in their size on every path: `from_http`,
//! `Request::from_json`, `Response::from_json` and `validate()`.
//!
//! Each shape below is built at 1 MB and run in a child process (a stack overflow aborts a
//! process and cannot be caught; a hang must be killed) with a time budget: at most
//! `BUDGET_FACTOR` times what serde_json takes to read the same bytes in the same process
//! (into a `serde_json::Value`, or through the type's serde impl, whichever takes longer;
//! with a floor, for shapes serde_json rejects early), and never more than `HARD_LIMIT`. Before the reader merged missing members in linear time, the first shape
//! took 408 s at 1 MB in a release build.
//!
//! The growth of each shape with size (64 KB, 256 KB, 1 MB) is measured by the criterion
//! benchmark `bench/benches/hostile.rs`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[path = "../../bench/src/hostile.rs"]
mod hostile;

use hostile::{cases, run, serde_typed};

/// Size of every hostile body.
const SIZE: usize = 1 << 20;
/// A case may take this many times the `serde_json::Value` parse of its body.
const BUDGET_FACTOR: u32 = 25;
/// Budgets are never below this (timer noise, shapes that serde_json rejects at once).
const FLOOR: Duration = Duration::from_millis(if cfg!(debug_assertions) { 1500 } else { 150 });
/// No case may take longer than this, whatever serde_json takes.
const HARD_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 });

const CHILD_ENV: &str = "SPECGEN_HOSTILE_CHILD";
/// Starts the child's report lines (the test harness prints on the same stream).
const MARK: &str = "@hostile@";

/// The child: runs every case, printing `start <i>` before and `done <i> <budget ms>
/// <result>` after each, so the parent can kill it when a case runs past its budget.
#[test]
#[ignore = "run by hostile_bodies_take_linear_time in a child process"]
fn child() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    for (i, case) in cases().iter().enumerate() {
        let body = (case.body)(SIZE);
        // What serde_json takes to read the same bytes, as a `Value` and through the type's
        // serde impl (a `Value` refuses deep nesting early, which the type skips whole).
        let started = Instant::now();
        let _ = std::hint::black_box(serde_json::from_slice::<serde_json::Value>(&body));
        let value = started.elapsed();
        let started = Instant::now();
        std::hint::black_box(serde_typed(case.path, &body));
        let reference = value.max(started.elapsed());
        let budget = (reference * BUDGET_FACTOR).max(FLOOR).min(HARD_LIMIT);
        println!("\n{MARK} start {i} {}", budget.as_millis());
        let started = Instant::now();
        let result = run(case.path, &body);
        let took = started.elapsed();
        println!(
            "{MARK} done {i} {} {} {}",
            took.as_millis(),
            reference.as_millis(),
            result
        );
    }
    println!("{MARK} end");
}

#[test]
fn hostile_bodies_take_linear_time() {
    let cases = cases();
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--ignored",
            "--exact",
            "child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the child");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut current: Option<(usize, Duration)> = None;
    let mut report = Vec::new();
    let mut ended = false;
    loop {
        // Waiting for a case to finish: its budget (plus slack for building the next
        // body); otherwise the time to build a body.
        let wait = current.map_or(HARD_LIMIT, |(_, budget)| budget + Duration::from_secs(1));
        match rx.recv_timeout(wait) {
            Ok(line) => {
                let Some(line) = line.strip_prefix(MARK) else {
                    continue;
                };
                let words: Vec<&str> = line.trim_start().splitn(5, ' ').collect();
                match words.as_slice() {
                    ["start", i, budget] => {
                        let i: usize = i.parse().expect("index");
                        let budget = Duration::from_millis(budget.parse().expect("budget"));
                        current = Some((i, budget));
                    }
                    ["done", i, took, reference, result] => {
                        let i: usize = i.parse().expect("index");
                        let took = Duration::from_millis(took.parse().expect("ms"));
                        let budget = current.expect("started").1;
                        report.push(format!(
                            "{:>6} ms (serde_json {:>4} ms, budget {:>5} ms)  {}: {result}",
                            took.as_millis(),
                            reference,
                            budget.as_millis(),
                            cases[i].name
                        ));
                        assert!(
                            took <= budget,
                            "{} took {took:?}, over its budget of {budget:?}\n{}",
                            cases[i].name,
                            report.join("\n")
                        );
                        current = None;
                    }
                    ["end"] => {
                        ended = true;
                        break;
                    }
                    _ => {}
                }
            }
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let status = child.wait().expect("child ends");
    println!("{}", report.join("\n"));
    if let Some((i, budget)) = current.filter(|_| !ended) {
        panic!(
            "{} ran past its budget of {budget:?} (or crashed: {status})\n{}",
            cases[i].name,
            report.join("\n")
        );
    }
    assert!(
        ended,
        "the child stopped early: {status}\n{}",
        report.join("\n")
    );
    assert_eq!(report.len(), cases.len());
}
