//! What the IR makes of REST operations (`tests/fixtures/openapi/rest.yaml`): parameters
//! with their Rust names and locations, and one response case per documented status.
//! The generated code is tested in `tests/specs/tests/rest.rs`.

use std::path::Path;

use specgen::Settings;
use specgen::ir::{Api, Operation, ParamLocation, ParamStyle, Status};

fn rest() -> Api {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/openapi/rest.yaml");
    specgen::load(&path, &Settings::default()).expect("the REST fixture loads")
}

fn op<'a>(api: &'a Api, id: &str) -> &'a Operation {
    api.operations.iter().find(|o| o.id == id).expect(id)
}

#[test]
fn parameters_get_rust_names_beside_their_wire_names() {
    let api = rest();
    let list = op(&api, "listBooks");
    let params: Vec<(&str, &str, ParamLocation, bool, ParamStyle)> = list
        .parameters
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.field.as_str(),
                p.location,
                p.required,
                p.style,
            )
        })
        .collect();
    assert_eq!(
        params,
        [
            (
                "shelfId",
                "shelf_id",
                ParamLocation::Path,
                true,
                ParamStyle::Separated(',')
            ),
            (
                "X-Request-Id",
                "x_request_id",
                ParamLocation::Header,
                true,
                ParamStyle::Separated(',')
            ),
            (
                "limit",
                "limit",
                ParamLocation::Query,
                false,
                ParamStyle::Repeated
            ),
            (
                "sort",
                "sort",
                ParamLocation::Query,
                false,
                ParamStyle::Repeated
            ),
            (
                "tag",
                "tag",
                ParamLocation::Query,
                false,
                ParamStyle::Repeated
            ),
            (
                "ids",
                "ids",
                ParamLocation::Query,
                false,
                ParamStyle::Separated(',')
            ),
            (
                "minRating",
                "min_rating",
                ParamLocation::Query,
                false,
                ParamStyle::Repeated
            ),
            (
                "includeDrafts",
                "include_drafts",
                ParamLocation::Query,
                false,
                ParamStyle::Repeated
            ),
            (
                "session",
                "session",
                ParamLocation::Cookie,
                true,
                ParamStyle::Repeated
            ),
        ]
    );
    assert_eq!(list.request_name, "ListBooksRequest");
    assert_eq!(list.response_name, "ListBooksResponse");
    // A parameter named `body` gives way to the request body; keywords are raw.
    let add = op(&api, "addBook");
    assert_eq!(add.parameters.last().unwrap().field, "body_2");
    assert!(add.body_required);
    let put = op(&api, "putBook");
    assert_eq!(put.parameters.last().unwrap().field, "r#type");
    assert!(put.input.is_some() && !put.body_required);
}

#[test]
fn responses_are_named_after_their_status() {
    let api = rest();
    let cases = |id: &str| -> Vec<(Status, String, Option<String>)> {
        op(&api, id)
            .responses
            .iter()
            .map(|c| {
                let body = c.body.map(|t| api.ty(t).name.clone());
                (c.status, c.variant.clone(), body)
            })
            .collect()
    };
    let s = |v: &str| v.to_owned();
    assert_eq!(
        cases("listBooks"),
        [
            (Status::Code(200), s("Ok"), Some(s("ListBooksResponse"))),
            (Status::Code(304), s("NotModified"), None),
            (Status::Range(4), s("ClientError"), Some(s("Problem"))),
            (Status::Default, s("Default"), Some(s("Problem"))),
        ]
    );
    assert_eq!(
        cases("addBook"),
        [
            (Status::Code(201), s("Created"), Some(s("Book"))),
            (
                Status::Code(400),
                s("BadRequest"),
                Some(s("AddBookResponse400"))
            ),
            (Status::Code(409), s("Conflict"), Some(s("Problem"))),
        ]
    );
    // A body that is not JSON is not read; a status without a name is numbered.
    let file = &op(&api, "getFile").responses;
    assert_eq!(file[0].other_media.as_deref(), Some("text/plain"));
    assert_eq!(file[0].body, None);
    assert_eq!(file[1].variant, "Status418");
    assert_eq!(file[1].docs.as_deref(), Some("A teapot."));
}

#[test]
fn query_styles_say_how_items_and_members_travel() {
    let api = rest();
    let styles: Vec<(&str, ParamStyle)> = op(&api, "searchBooks")
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.style))
        .collect();
    assert_eq!(
        styles,
        [
            ("words", ParamStyle::Separated(' ')),
            ("years", ParamStyle::Separated('|')),
            ("isbn", ParamStyle::Repeated),
            ("filter", ParamStyle::DeepObject),
        ]
    );
}

#[test]
fn aws_json_operations_have_no_response_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/openapi/naming.yaml");
    let api = specgen::load(&path, &Settings::default()).expect("loads");
    assert!(matches!(
        api.protocol,
        specgen::ir::Protocol::AwsJson { .. }
    ));
    assert!(api.operations.iter().all(|o| o.responses.is_empty()));
}
