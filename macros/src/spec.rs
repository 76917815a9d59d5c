//! Loading specs at compile time, shared by `include_spec!` and the spec-bound derive.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use specgen::{Settings, ir::Api};

/// The calling crate's root: paths in macro arguments are relative to it, as in `build.rs`.
pub(crate) fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `written` resolved against the calling crate's root.
pub(crate) fn resolve(written: &str) -> PathBuf {
    let path = Path::new(written);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        manifest_dir().join(path)
    }
}

/// A generation error as the user should read it: the file as written in the macro call
/// (relative to the crate root), the JSON pointer and the message.
pub(crate) fn error_text(mut err: specgen::Error) -> String {
    if let Some(file) = &err.file
        && let Ok(relative) = file.strip_prefix(manifest_dir())
    {
        err.file = Some(relative.to_path_buf());
    }
    err.to_string()
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

struct Entry {
    path: PathBuf,
    settings: Settings,
    stamps: (Option<SystemTime>, Option<SystemTime>),
    api: Arc<Api>,
}

/// Loads `path` with `settings`, reusing an earlier load of the same unchanged files: the
/// compiler keeps a macro loaded for a whole crate, and several derives in one crate
/// usually bind to the same spec.
pub(crate) fn load(path: &Path, settings: &Settings) -> Result<Arc<Api>, specgen::Error> {
    static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
    let stamps = (modified(path), modified(&Settings::file_beside(path)));
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(entry) = cache
        .iter()
        .find(|e| e.path == path && &e.settings == settings && e.stamps == stamps)
    {
        return Ok(Arc::clone(&entry.api));
    }
    let api = Arc::new(specgen::load(path, settings)?);
    cache.retain(|e| e.path != path || &e.settings != settings);
    cache.push(Entry {
        path: path.to_path_buf(),
        settings: settings.clone(),
        stamps,
        api: Arc::clone(&api),
    });
    Ok(api)
}

/// Items that make the calling crate depend on the spec and its options file, so that
/// editing either recompiles it.
pub(crate) fn track(path: &Path, span: Span) -> TokenStream {
    let mut out = TokenStream::new();
    let options = Settings::file_beside(path);
    for file in [path, options.as_path()] {
        if file.is_file() {
            let text = file.to_string_lossy().into_owned();
            out.extend(quote_spanned! {span=>
                const _: &[u8] = ::core::include_bytes!(#text);
            });
        }
    }
    out
}
