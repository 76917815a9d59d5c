//! REST operations of `tests/fixtures/openapi/rest.yaml` (OpenAPI 3.0) and `rest31.yaml`
//! (3.1): routing a method and path to an operation with its path parameters, reading and
//! validating the parameters of a request, and a response per status round-tripped.

use specgen_runtime::Validate;
use specgen_spec_tests::{rest, rest31};

fn message<T: Validate>(value: &T) -> String {
    match value.validate() {
        Ok(()) => "valid".to_owned(),
        Err(e) => e.to_string(),
    }
}

fn params(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

fn route(method: &str, path: &str) -> Option<(rest::Operation, Vec<(String, String)>)> {
    rest::Operation::route(method, path).map(|(op, p)| {
        let pairs = p
            .iter()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        (op, pairs)
    })
}

#[test]
fn a_path_is_matched_with_its_parameters() {
    use rest::Operation;
    assert_eq!(
        route("GET", "/shelves/main-shelf/books?limit=3&tag=a"),
        Some((Operation::ListBooks, params(&[("shelfId", "main-shelf")])))
    );
    // Methods compare without regard to case; parameters are percent-decoded after the
    // path is split, so an escaped `/` stays inside its parameter.
    assert_eq!(
        route("put", "/shelves/a%2Fb%20c/books/42"),
        Some((
            Operation::PutBook,
            params(&[("shelfId", "a/b c"), ("bookId", "42")])
        ))
    );
    // A literal segment beats a template one: `latest` is not a `{bookId}`.
    assert_eq!(
        route("GET", "/shelves/s1/books/latest"),
        Some((Operation::LatestBook, params(&[("shelfId", "s1")])))
    );
    assert_eq!(
        route("GET", "/shelves/s1/books/7"),
        Some((
            Operation::GetBook,
            params(&[("shelfId", "s1"), ("bookId", "7")])
        ))
    );
    // ... unless the method only has the template.
    assert_eq!(
        route("DELETE", "/shelves/s1/books/latest"),
        Some((
            Operation::DeleteShelvesShelfIdBooksBookId,
            params(&[("shelfId", "s1"), ("bookId", "latest")])
        ))
    );
    // Two parameters in one segment.
    assert_eq!(
        route("GET", "/files/notes.md"),
        Some((
            Operation::GetFile,
            params(&[("name", "notes"), ("ext", "md")])
        ))
    );
    // No match: wrong method, unknown path, an empty or missing segment, bad UTF-8.
    assert_eq!(route("POST", "/files/notes.md"), None);
    assert_eq!(route("GET", "/shelves"), None);
    assert_eq!(route("GET", "/shelves/s1/books/"), None);
    assert_eq!(route("GET", "/shelves//books"), None);
    assert_eq!(route("GET", "/shelves/s1/books/7/pages"), None);
    assert_eq!(route("GET", "/shelves/%FF/books"), None);
    assert_eq!(route("GET", "/files/notes"), None);
    // The metadata the matcher reads.
    assert_eq!(Operation::GetBook.http_method(), "GET");
    assert_eq!(
        Operation::GetBook.path(),
        "/shelves/{shelfId}/books/{bookId}"
    );
}

#[test]
fn request_parameters_are_read_and_validated() {
    use rest::operations::ListBooksRequest;
    use rest::types::ListBooksSort;
    let (_, path) = rest::Operation::route("GET", "/shelves/Ab/books").unwrap();
    let headers = [
        ("x-request-id", "XYZ"),
        ("Cookie", "theme=dark; session=short"),
    ];
    let query =
        "limit=0&sort=price&tag=a&tag=bbbbbbbbbbbb&ids=1,0&minRating=7.5&includeDrafts=true";
    let request = ListBooksRequest::from_parts(&path, query, &headers).unwrap();
    assert_eq!(request.shelf_id, "Ab");
    assert_eq!(request.x_request_id, "XYZ");
    assert_eq!(request.limit, Some(0));
    assert_eq!(
        request.sort,
        Some(ListBooksSort::Unlisted_("price".to_owned()))
    );
    assert_eq!(
        request.tag.as_deref(),
        Some(&["a".to_owned(), "bbbbbbbbbbbb".to_owned()][..])
    );
    assert_eq!(request.ids, Some(vec![1, 0]));
    assert_eq!(request.min_rating, Some(7.5));
    assert_eq!(request.include_drafts, Some(true));
    assert_eq!(request.session, "short");
    // Every violation, sorted by path (byte order: `X-Request-Id` first), each naming
    // its parameter as the spec does.
    assert_eq!(
        message(&request),
        "9 validation errors detected: \
         Value 'XYZ' at 'X-Request-Id' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-f]{8}$; \
         Value '[1, 0]' at 'ids' failed to satisfy constraint: Member must satisfy constraint: [Member must have value greater than or equal to 1]; \
         Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; \
         Value '7.5' at 'minRating' failed to satisfy constraint: Member must have value less than or equal to 5; \
         Value 'short' at 'session' failed to satisfy constraint: Member must have length greater than or equal to 8; \
         Value 'Ab' at 'shelfId' failed to satisfy constraint: Member must have length greater than or equal to 3; \
         Value 'Ab' at 'shelfId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z][a-z0-9-]*$; \
         Value 'price' at 'sort' failed to satisfy constraint: Member must satisfy enum value set: [title, author, year]; \
         Value '[a, bbbbbbbbbbbb]' at 'tag' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 10, Member must have length greater than or equal to 1]"
    );

    let (_, path) = rest::Operation::route("GET", "/shelves/main-shelf/books").unwrap();
    let headers = [
        ("X-Request-Id", "0badcafe"),
        ("cookie", "session=0123456789"),
    ];
    let good = ListBooksRequest::from_parts(&path, "?sort=year&ids=3,4&tag=x", &headers).unwrap();
    assert_eq!(good.sort, Some(ListBooksSort::Year));
    assert_eq!(message(&good), "valid");
    // Built by hand, as a client would.
    let by_hand = ListBooksRequest {
        shelf_id: "main-shelf".to_owned(),
        x_request_id: "0badcafe".to_owned(),
        limit: Some(51),
        sort: None,
        tag: None,
        ids: Some(vec![3, 4]),
        min_rating: None,
        include_drafts: None,
        session: "0123456789".to_owned(),
    };
    assert_eq!(
        message(&by_hand),
        "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: \
         Member must have value less than or equal to 50"
    );

    // A required parameter missing, and text that is not of the parameter's type.
    let err = ListBooksRequest::from_parts(&path, "", &[("X-Request-Id", "0badcafe")]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Value null at 'session' failed to satisfy constraint: Member must not be null"
    );
    assert_eq!(err.location, specgen_runtime::operation::Location::Cookie);
    let err = ListBooksRequest::from_parts(&path, "limit=ten", &headers).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Value 'ten' at 'limit' could not be read: expected a 32-bit integer"
    );
    let err = ListBooksRequest::from_parts(&path, "ids=1,x", &headers).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Value 'x' at 'ids' could not be read: expected an integer"
    );
    let err = ListBooksRequest::from_parts(&path, "includeDrafts=yes", &headers).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Value 'yes' at 'includeDrafts' could not be read: expected true or false"
    );
}

#[test]
fn a_body_is_validated_beside_the_parameters() {
    use rest::operations::{AddBookRequest, PutBookRequest};
    use rest::types::{Book, Format};
    let (op, path) =
        rest::Operation::route("POST", "/shelves/main-shelf/books?body=toolong").unwrap();
    assert_eq!(op, rest::Operation::AddBook);
    let book = Book {
        title: String::new(),
        year: Some(2200),
    };
    let request =
        AddBookRequest::from_parts(&path, "body=toolong", &[("X-Request-Id", "0badcafe")], book)
            .unwrap();
    // The query parameter `body` is the member `body_2`: `body` is the request body.
    assert_eq!(request.body_2.as_deref(), Some("toolong"));
    // The body's members at their own paths, the parameter under its name.
    assert_eq!(
        message(&request),
        "3 validation errors detected: \
         Value 'toolong' at 'body' failed to satisfy constraint: Member must have length less than or equal to 5; \
         Value '' at 'title' failed to satisfy constraint: Member must have length greater than or equal to 1; \
         Value '2200' at 'year' failed to satisfy constraint: Member must have value less than or equal to 2100"
    );
    // An optional body; an enum parameter named with a keyword.
    let (_, path) = rest::Operation::route("PUT", "/shelves/main-shelf/books/0").unwrap();
    let request =
        PutBookRequest::from_parts(&path, "type=ebook", &[("X-Request-Id", "0badcafe")], None)
            .unwrap();
    assert_eq!(request.r#type, Some(Format::Ebook));
    assert_eq!(request.body, None);
    assert_eq!(
        message(&request),
        "1 validation error detected: Value '0' at 'bookId' failed to satisfy constraint: \
         Member must have value greater than or equal to 1"
    );
}

#[test]
fn query_styles_split_lists_and_gather_objects() {
    use rest::operations::SearchBooksRequest;
    use rest::types::Filter;
    let (_, path) = rest::Operation::route("GET", "/search").unwrap();
    let query = "words=old%20man%20and%20sea&years=1999|2200&isbn=1-2&isbn=3|4\
                 &filter%5Bauthor%5D=A&filter[year]=2200&filter[inPrint]=true&filter=ignored";
    let request = SearchBooksRequest::from_parts(&path, query, &[]).unwrap();
    assert_eq!(
        request.words,
        Some(["old", "man", "and", "sea"].map(str::to_owned).to_vec())
    );
    assert_eq!(request.years, Some(vec![1999, 2200]));
    // Exploded: one pair per item, a `|` inside an item kept.
    assert_eq!(request.isbn, Some(vec!["1-2".to_owned(), "3|4".to_owned()]));
    let filter = request.filter.clone().unwrap();
    assert_eq!(filter.author.as_deref(), Some("A"));
    assert_eq!(filter.year, Some(2200));
    assert_eq!(filter.in_print, Some(true));
    assert_eq!(
        message(&request),
        "4 validation errors detected: \
         Value 'A' at 'filter.author' failed to satisfy constraint: Member must have length greater than or equal to 2; \
         Value '2200' at 'filter.year' failed to satisfy constraint: Member must have value less than or equal to 2100; \
         Value '[old, man, and, sea]' at 'words' failed to satisfy constraint: Member must have length less than or equal to 3; \
         Value '[1999, 2200]' at 'years' failed to satisfy constraint: Member must satisfy constraint: [Member must have value less than or equal to 2100]"
    );

    // A member given as text of another type is refused with every pair of the object.
    let err = SearchBooksRequest::from_parts(&path, "filter[author]=Ann&filter[year]=soon", &[])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Value 'filter[author]=Ann&filter[year]=soon' at 'filter' could not be read: \
         expected the members of a `Filter` as `filter[member]` pairs"
    );
    // A string member holding digits stays a string.
    let digits = SearchBooksRequest::from_parts(&path, "filter[author]=1984", &[]).unwrap();
    assert_eq!(
        digits.filter,
        Some(Filter {
            author: Some("1984".to_owned()),
            year: None,
            in_print: None,
        })
    );
    let none = SearchBooksRequest::from_parts(&path, "", &[]).unwrap();
    assert_eq!(
        (none.words, none.years, none.isbn, none.filter),
        (None, None, None, None)
    );
}

#[test]
fn a_sensitive_parameter_is_never_shown() {
    use rest::operations::GetBookRequest;
    let (_, path) = rest::Operation::route("GET", "/shelves/main-shelf/books/3").unwrap();
    let request = GetBookRequest::from_parts(&path, "", &[("X-Api-Key", "hunter2")]).unwrap();
    assert_eq!(request.x_api_key, "hunter2");
    assert_eq!(
        format!("{request:?}"),
        r#"GetBookRequest { shelf_id: "main-shelf", book_id: 3, x_api_key: *** Sensitive Data Redacted *** }"#
    );
    assert_eq!(
        message(&request),
        "1 validation error detected: Value at 'X-Api-Key' failed to satisfy constraint: \
         Member must have length greater than or equal to 10"
    );
}

/// Reads `body` as the response of `status`, checks that it writes back exactly, and
/// returns it.
fn round_trip<R>(
    read: impl Fn(u16, &[u8]) -> Result<R, serde_json::Error>,
    write: impl Fn(&R) -> Vec<u8>,
    status_of: impl Fn(&R) -> u16,
    status: u16,
    body: &str,
) -> R {
    let response = read(status, body.as_bytes()).expect("reads");
    assert_eq!(status_of(&response), status);
    assert_eq!(String::from_utf8(write(&response)).unwrap(), body);
    response
}

#[test]
fn a_response_per_status_round_trips() {
    use rest::operations::{AddBookResponse, ListBooksResponse, PutBookResponse};
    use rest::types::{Book, Problem};
    let list = |status, body: &str| {
        round_trip(
            ListBooksResponse::from_json,
            |r| r.to_json().unwrap(),
            ListBooksResponse::status,
            status,
            body,
        )
    };
    let ListBooksResponse::Ok(page) = list(
        200,
        r#"{"books":[{"title":"Dune","year":1965}],"next":"p2"}"#,
    ) else {
        panic!("200 is Ok");
    };
    assert_eq!(page.books[0].title, "Dune");
    // A status without a body: the body is ignored and written empty.
    assert_eq!(
        ListBooksResponse::from_json(304, b"ignored").unwrap(),
        ListBooksResponse::NotModified
    );
    assert_eq!(list(304, ""), ListBooksResponse::NotModified);
    // `4XX` keeps the status; `default` takes the rest.
    let problem = Problem {
        title: "no".to_owned(),
        status: Some(404),
    };
    assert_eq!(
        list(404, r#"{"title":"no","status":404}"#),
        ListBooksResponse::ClientError(404, problem.clone())
    );
    assert_eq!(
        list(500, r#"{"title":"no","status":404}"#),
        ListBooksResponse::Default(500, problem.clone())
    );
    assert_eq!(list(302, r#"{"title":"no","status":404}"#).status(), 302);

    // Exact codes with their own body types, and a status the spec does not document.
    let add = |status, body: &str| {
        round_trip(
            AddBookResponse::from_json,
            |r| r.to_json().unwrap(),
            AddBookResponse::status,
            status,
            body,
        )
    };
    assert_eq!(
        add(201, r#"{"title":"Emma"}"#),
        AddBookResponse::Created(Book {
            title: "Emma".to_owned(),
            year: None
        })
    );
    let AddBookResponse::BadRequest(bad) = add(400, r#"{"errors":["title"]}"#) else {
        panic!("400 is BadRequest");
    };
    assert_eq!(bad.errors.as_deref(), Some(&["title".to_owned()][..]));
    assert!(matches!(
        add(409, r#"{"title":"dup"}"#),
        AddBookResponse::Conflict(_)
    ));
    assert_eq!(
        AddBookResponse::from_json(500, b"{}")
            .unwrap_err()
            .to_string(),
        "status 500 is not a documented response of addBook"
    );
    // A body of the wrong type fails.
    assert!(AddBookResponse::from_json(201, br#"{"year":1}"#).is_err());

    // `5XX` without a body.
    let put = PutBookResponse::from_json(503, b"").unwrap();
    assert_eq!(put, PutBookResponse::ServerError(503));
    assert_eq!(put.status(), 503);
    assert_eq!(PutBookResponse::NoContent.to_json().unwrap(), b"");
    assert!(PutBookResponse::from_json(404, b"").is_err());

    // A body that is not JSON is not read; a JSON string is.
    use rest::operations::GetFileResponse;
    assert_eq!(
        GetFileResponse::from_json(200, b"plain text").unwrap(),
        GetFileResponse::Ok
    );
    assert_eq!(
        GetFileResponse::from_json(418, br#""short and stout""#).unwrap(),
        GetFileResponse::Status418("short and stout".to_owned())
    );
}

#[test]
fn openapi_3_1_parameters_and_responses() {
    use rest31::Operation;
    use rest31::operations::{
        ListObservationsRequest, ListObservationsResponse, RetireTelescopeRequest,
        RetireTelescopeResponse,
    };
    use rest31::types::Band;
    let (op, path) = Operation::route("GET", "/telescopes/xx-1/observations").unwrap();
    assert_eq!(op, Operation::ListObservations);
    assert_eq!(path.get("telescopeId"), Some("xx-1"));
    let headers = [
        ("X-Api-Version", "2024-01-01"),
        ("Cookie", "observer=a-very-long-name"),
    ];
    let request =
        ListObservationsRequest::from_parts(&path, "band=V&minMagnitude=-31&night=0", &headers)
            .unwrap();
    assert_eq!(request.band, Band::V);
    assert_eq!(
        message(&request),
        "5 validation errors detected: \
         Value '2024-01-01' at 'X-Api-Version' failed to satisfy constraint: Member must satisfy enum value set: [2025-06-01]; \
         Value '-31' at 'minMagnitude' failed to satisfy constraint: Member must have value greater than -30; \
         Value '0' at 'night' failed to satisfy constraint: Member must have value greater than or equal to 1; \
         Value 'a-very-long-name' at 'observer' failed to satisfy constraint: Member must have length less than or equal to 12; \
         Value 'xx-1' at 'telescopeId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Z]{2}-[0-9]{3}$"
    );
    let err = ListObservationsRequest::from_parts(&path, "", &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Value null at 'band' failed to satisfy constraint: Member must not be null"
    );
    // The exclusive bounds themselves are refused; anything between them is not.
    let (_, ok_path) = Operation::route("GET", "/telescopes/AB-123/observations").unwrap();
    let at = |magnitude: &str| {
        let query = format!("band=V&minMagnitude={magnitude}");
        message(&ListObservationsRequest::from_parts(&ok_path, &query, &[]).unwrap())
    };
    assert_eq!(
        at("30"),
        "1 validation error detected: Value '30' at 'minMagnitude' failed to satisfy \
         constraint: Member must have value less than 30"
    );
    assert_eq!(
        at("-30"),
        "1 validation error detected: Value '-30' at 'minMagnitude' failed to satisfy \
         constraint: Member must have value greater than -30"
    );
    assert_eq!(at("29.999"), "valid");
    let (op, path) = Operation::route("DELETE", "/telescopes/AB-123").unwrap();
    assert_eq!(op, Operation::RetireTelescope);
    let request = RetireTelescopeRequest::from_parts(&path, "reason=ok", &[]).unwrap();
    assert_eq!(
        message(&request),
        "1 validation error detected: Value 'ok' at 'reason' failed to satisfy constraint: \
         Member must have length greater than or equal to 3"
    );

    let body = r#"[{"at":"2025-06-01T21:00:00Z","magnitude":4.5,"note":null}]"#;
    let ok = ListObservationsResponse::from_json(200, body.as_bytes()).unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(
        String::from_utf8(ok.to_json().unwrap()).unwrap(),
        r#"[{"at":"2025-06-01T21:00:00Z","magnitude":4.5}]"#
    );
    let offline = ListObservationsResponse::from_json(502, br#"{"title":"offline"}"#).unwrap();
    assert!(
        matches!(&offline, ListObservationsResponse::ServerError(502, p) if p.title == "offline")
    );
    assert_eq!(offline.to_json().unwrap(), br#"{"title":"offline"}"#);
    assert_eq!(
        ListObservationsResponse::from_json(301, b"").unwrap(),
        ListObservationsResponse::Default(301)
    );
    assert_eq!(
        RetireTelescopeResponse::from_json(409, br#"{"title":"busy","detail":"observing"}"#)
            .unwrap()
            .status(),
        409
    );
    assert_eq!(
        RetireTelescopeResponse::from_json(204, b"").unwrap(),
        RetireTelescopeResponse::NoContent
    );
}
