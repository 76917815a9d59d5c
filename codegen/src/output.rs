//! Writing generated files without ever leaving a half-written output, and checking that a
//! directory holds exactly what generation would write.

use std::fs;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::render::{File, HEADER};

fn io(path: &Path, what: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot {what}: {e}")).in_file(path)
}

/// Whether a file was written by specgen (its first line is the generated header).
fn is_generated(path: &Path) -> bool {
    fs::read_to_string(path)
        .map(|t| t.starts_with(HEADER))
        .unwrap_or(false)
}

/// Writes `files` into `dir`: each through a temporary file renamed into place, unchanged
/// files untouched, and generated files that are no longer produced removed.
pub fn write_dir(dir: &Path, files: &[File]) -> Result<()> {
    write_files(dir, files)?;
    for stale in stale_generated(dir, files) {
        fs::remove_file(&stale).map_err(|e| io(&stale, "remove a stale file", e))?;
    }
    Ok(())
}

/// Writes `files` into `dir` like [`write_dir`], leaving other files alone.
pub fn write_files(dir: &Path, files: &[File]) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| io(dir, "create the output directory", e))?;
    // Stage everything first, so a failure leaves the previous output as it was.
    let mut staged = Vec::new();
    for f in files {
        let target = dir.join(&f.path);
        if fs::read_to_string(&target).is_ok_and(|old| old == f.contents) {
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io(parent, "create a directory", e))?;
        }
        let tmp = target.with_file_name(format!(
            ".{}.specgen-tmp",
            target
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ));
        if let Err(e) = fs::write(&tmp, &f.contents) {
            for (t, _) in &staged {
                let _ = fs::remove_file(t);
            }
            let _ = fs::remove_file(&tmp);
            return Err(io(&tmp, "write", e));
        }
        staged.push((tmp, target));
    }
    for (tmp, target) in staged {
        fs::rename(&tmp, &target).map_err(|e| io(&target, "replace", e))?;
    }
    Ok(())
}

/// Generated `.rs` files in `dir` that `files` does not contain.
fn stale_generated(dir: &Path, files: &[File]) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            !files.iter().any(|f| Some(&f.path) == name.as_ref())
        })
        .filter(|p| is_generated(p))
        .collect();
    out.sort();
    out
}

/// Paths (relative to `dir`) that differ from what generation writes: changed, missing,
/// or generated but no longer produced. Empty when `dir` is up to date.
pub fn check_dir(dir: &Path, files: &[File]) -> Vec<String> {
    let mut stale = Vec::new();
    for f in files {
        match fs::read_to_string(dir.join(&f.path)) {
            Ok(text) if text == f.contents => {}
            _ => stale.push(f.path.clone()),
        }
    }
    for p in stale_generated(dir, files) {
        if let Some(name) = p.file_name() {
            stale.push(name.to_string_lossy().into_owned());
        }
    }
    stale
}
