//! Uses specgen from a build script.
