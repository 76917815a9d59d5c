//! `specgen diff`: one test per kind of change with its exact classification, golden
//! outputs (`UPDATE_GOLDEN=1 cargo test -p specgen --test diff` rewrites them), and the
//! command line's exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use specgen::diff::{Class, Report, diff};
use specgen::document::{Format, parse};
use specgen::pattern::PatternMode;
use specgen::{Settings, ir, lower};

const BASE: &str = include_str!("fixtures/diff/base.yaml");
const GENERIC: &str = include_str!("fixtures/diff/generic.yaml");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

fn api_with(text: &str, settings: &Settings) -> ir::Api {
    let doc = parse(text, Format::Yaml).expect("fixture parses");
    lower::lower(&doc, settings).expect("fixture lowers")
}

fn api(text: &str) -> ir::Api {
    api_with(text, &Settings::default())
}

/// `text` with each `(from, to)` applied; `from` must occur exactly once.
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (from, to) in edits {
        assert_eq!(
            out.matches(from).count(),
            1,
            "`{from}` must occur exactly once"
        );
        out = out.replacen(from, to, 1);
    }
    out
}

/// One line per change: kind, where, wire (old client/new client), api.
fn rows(report: &Report) -> Vec<String> {
    report
        .changes
        .iter()
        .map(|c| {
            format!(
                "{} {} wire={}/{} api={}",
                c.kind.as_str(),
                c.location(),
                c.wire.old_client.as_str(),
                c.wire.new_client.as_str(),
                c.api.as_str()
            )
        })
        .collect()
}

fn between(old: &str, new: &str) -> Vec<String> {
    rows(&diff(&api(old), &api(new)))
}

/// The changes from the base spec to the base spec with `edits`.
fn base_edited(edits: &[(&str, &str)]) -> Vec<String> {
    between(BASE, &edit(BASE, edits))
}

/// The changes from the base spec with `edits` back to the base spec.
fn base_reverted(edits: &[(&str, &str)]) -> Vec<String> {
    between(&edit(BASE, edits), BASE)
}

const NEW_OPERATION: (&str, &str) = (
    "components:\n",
    "  /#X-Amz-Target=Shop.Ping:
    post:
      operationId: Ping
      responses:
        '200': {description: ok}
components:\n",
);

// --- the service --------------------------------------------------------------------

#[test]
fn same_spec_has_no_changes() {
    let report = diff(&api(BASE), &api(BASE));
    assert!(report.is_empty(), "{:?}", rows(&report));
    assert!(!report.has(Class::Api) && !report.has(Class::Wire));
    assert!(report.render_text().contains("No changes."));
}

#[test]
fn target_prefix_changed() {
    let new = BASE.replace("X-Amz-Target=Shop.", "X-Amz-Target=Store.");
    assert_eq!(
        between(BASE, &new),
        ["protocol_changed (service) wire=breaking/breaking api=compatible"]
    );
}

#[test]
fn pattern_mode_changed() {
    let search = Settings {
        pattern_mode: Some(PatternMode::Search),
        ..Settings::default()
    };
    // A search accepts more than a full match: old servers reject what new ones accept.
    let report = diff(&api(BASE), &api_with(BASE, &search));
    assert_eq!(
        rows(&report),
        ["pattern_mode_changed (service) wire=compatible/breaking api=compatible"]
    );
}

#[test]
fn validation_error_changed() {
    assert_eq!(
        base_edited(&[
            (
                "        '480':\n          description: NotFoundException",
                "        '481':
          description: ValidationException
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ValidationException'}
        '480':
          description: NotFoundException"
            ),
            (
                "    NotFoundException: {}",
                "    NotFoundException: {}\n    ValidationException: {}"
            ),
        ]),
        [
            "validation_error_changed (service) wire=warning/warning api=compatible",
            "error_added GetOrder wire=warning/compatible api=breaking",
            "exception_added ValidationException wire=compatible/compatible api=breaking",
        ]
    );
}

// --- operations -----------------------------------------------------------------------

#[test]
fn operation_added() {
    assert_eq!(
        base_edited(&[NEW_OPERATION]),
        ["operation_added Ping wire=compatible/breaking api=breaking"]
    );
}

#[test]
fn operation_removed() {
    assert_eq!(
        base_reverted(&[NEW_OPERATION]),
        ["operation_removed Ping wire=breaking/compatible api=breaking"]
    );
}

#[test]
fn operation_renamed_in_rust() {
    // `getOrder` comes first and claims the Rust name `GetOrder`.
    assert_eq!(
        base_edited(&[(
            "  /#X-Amz-Target=Shop.GetOrder:\n",
            "  /#X-Amz-Target=Shop.getOrder:
    post:
      operationId: getOrder
      responses:
        '200': {description: ok}
  /#X-Amz-Target=Shop.GetOrder:\n"
        )]),
        [
            "operation_renamed GetOrder wire=compatible/compatible api=breaking",
            "operation_added getOrder wire=compatible/breaking api=breaking",
        ]
    );
}

#[test]
fn operation_route_changed() {
    assert_eq!(
        base_edited(&[("Shop.GetOrder:", "Shop.FetchOrder:")]),
        ["operation_route_changed GetOrder wire=breaking/breaking api=compatible"]
    );
}

#[test]
fn input_changed_to_other_content() {
    assert_eq!(
        base_edited(&[(
            "schema: {$ref: '#/components/schemas/GetOrderRequest'}",
            "schema: {$ref: '#/components/schemas/ListOrdersRequest'}"
        )]),
        ["input_changed GetOrder wire=breaking/breaking api=breaking"]
    );
}

#[test]
fn input_changed_to_same_content() {
    assert_eq!(
        base_edited(&[
            (
                "schema: {$ref: '#/components/schemas/GetOrderRequest'}",
                "schema: {$ref: '#/components/schemas/GetOrderInput'}"
            ),
            (
                "    GetOrderResponse:\n",
                "    GetOrderInput:
      type: object
      required: [ShopId, OrderId]
      properties:
        OrderId: {type: string}
        ShopId: {$ref: '#/components/schemas/ShopIdType'}
    GetOrderResponse:\n"
            ),
        ]),
        [
            "input_changed GetOrder wire=compatible/compatible api=breaking",
            "type_added GetOrderInput wire=compatible/compatible api=compatible",
        ]
    );
}

#[test]
fn output_changed() {
    assert_eq!(
        base_edited(&[(
            "schema: {$ref: '#/components/schemas/GetOrderResponse'}",
            "schema: {$ref: '#/components/schemas/CreateOrderResponse'}"
        )]),
        ["output_changed GetOrder wire=breaking/breaking api=breaking"]
    );
}

#[test]
fn error_added_and_removed() {
    let listed = (
        "              schema: {$ref: '#/components/schemas/ListOrdersResponse'}\n",
        "              schema: {$ref: '#/components/schemas/ListOrdersResponse'}
        '481':
          description: NotFoundException
          content:
            application/json:
              schema: {$ref: '#/components/schemas/NotFoundException'}\n",
    );
    assert_eq!(
        base_edited(&[listed]),
        ["error_added ListOrders wire=warning/compatible api=breaking"]
    );
    assert_eq!(
        base_reverted(&[listed]),
        ["error_removed ListOrders wire=compatible/warning api=breaking"]
    );
}

// --- parameters (generic protocol) ---------------------------------------------------

fn generic_edited(edits: &[(&str, &str)]) -> Vec<String> {
    between(GENERIC, &edit(GENERIC, edits))
}

#[test]
fn parameter_added_and_removed() {
    let added = (
        "        - {name: limit, in: query, schema: {type: integer}}\n",
        "        - {name: limit, in: query, schema: {type: integer}}
        - {name: cursor, in: query, schema: {type: string}}\n",
    );
    assert_eq!(
        generic_edited(&[added]),
        ["parameter_added listPets.cursor wire=compatible/warning api=compatible"]
    );
    assert_eq!(
        between(&edit(GENERIC, &[added]), GENERIC),
        ["parameter_removed listPets.cursor wire=warning/compatible api=compatible"]
    );
}

#[test]
fn parameter_optional_and_required() {
    let required = (
        "{name: limit, in: query, schema",
        "{name: limit, in: query, required: true, schema",
    );
    assert_eq!(
        generic_edited(&[required]),
        ["parameter_required listPets.limit wire=breaking/compatible api=compatible"]
    );
    assert_eq!(
        between(&edit(GENERIC, &[required]), GENERIC),
        ["parameter_optional listPets.limit wire=compatible/breaking api=compatible"]
    );
}

#[test]
fn parameter_constraint_changed() {
    assert_eq!(
        generic_edited(&[(
            "schema: {type: integer}",
            "schema: {type: integer, maximum: 100}"
        )]),
        ["range_changed listPets.limit wire=breaking/compatible api=compatible"]
    );
}

#[test]
fn parameters_of_aws_json_change_nothing_on_the_wire() {
    // Converted AWS specs carry pagination query parameters; the service reads the body.
    assert_eq!(
        base_edited(&[(
            "      operationId: GetOrder\n",
            "      operationId: GetOrder
      parameters:
        - {name: Limit, in: query, required: true, schema: {type: string}}\n"
        )]),
        ["parameter_added GetOrder.Limit wire=compatible/compatible api=compatible"]
    );
}

// --- named types -----------------------------------------------------------------------

const NEW_TYPE: (&str, &str) = (
    "    LegacyType:\n",
    "    NewType:\n      type: string\n    LegacyType:\n",
);

#[test]
fn type_added() {
    assert_eq!(
        base_edited(&[NEW_TYPE]),
        ["type_added NewType wire=compatible/compatible api=compatible"]
    );
}

#[test]
fn type_removed() {
    assert_eq!(
        base_reverted(&[NEW_TYPE]),
        ["type_removed NewType wire=compatible/compatible api=breaking"]
    );
}

#[test]
fn type_renamed_in_rust() {
    // `order` claims the Rust name `Order` first, so the schema `Order` becomes `Order2`.
    assert_eq!(
        base_edited(&[(
            "    Order:\n",
            "    order:\n      type: string\n    Order:\n"
        )]),
        [
            "type_renamed Order wire=compatible/compatible api=breaking",
            "type_added order wire=compatible/compatible api=compatible",
        ]
    );
}

#[test]
fn enum_became_string() {
    // The same strings on the wire, but any value now: like a relaxed limit.
    assert_eq!(
        base_edited(&[(
            "    PriorityType:\n      type: string\n      enum: [LOW, HIGH]\n",
            "    PriorityType:\n      type: string\n"
        )]),
        ["type_kind_changed PriorityType wire=compatible/breaking api=breaking"]
    );
}

#[test]
fn structure_became_union() {
    assert_eq!(
        base_edited(&[(
            "    VoucherPayment:
      type: object
      required: [Code]
      properties:
        Code: {type: string}\n",
            "    VoucherPayment:
      oneOf:
        - {$ref: '#/components/schemas/CardPayment'}\n"
        )]),
        ["type_kind_changed VoucherPayment wire=breaking/breaking api=breaking"]
    );
}

const NEW_EXCEPTION: [(&str, &str); 2] = [
    (
        "        '481':\n          description: NotFoundException",
        "        '482':
          description: ConflictException
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ConflictException'}
        '481':
          description: NotFoundException",
    ),
    (
        "    NotFoundException: {}",
        "    NotFoundException: {}\n    ConflictException: {}",
    ),
];

#[test]
fn exception_added() {
    assert_eq!(
        base_edited(&NEW_EXCEPTION),
        [
            "error_added CreateOrder wire=warning/compatible api=breaking",
            "exception_added ConflictException wire=compatible/compatible api=breaking",
        ]
    );
}

#[test]
fn exception_removed() {
    assert_eq!(
        base_reverted(&NEW_EXCEPTION),
        [
            "error_removed CreateOrder wire=compatible/warning api=breaking",
            "exception_removed ConflictException wire=compatible/compatible api=breaking",
        ]
    );
}

// --- members ---------------------------------------------------------------------------

#[test]
fn optional_member_added() {
    // Request: old servers ignore it. Response: old clients ignore it. Rust: struct literals.
    assert_eq!(
        base_edited(&[(
            "        Note: {type: string, maxLength: 100}\n",
            "        Note: {type: string, maxLength: 100}\n        Coupon: {type: string}\n"
        )]),
        ["member_added CreateOrderRequest.Coupon wire=compatible/warning api=breaking"]
    );
    assert_eq!(
        base_edited(&[(
            "        CreatedAt: {type: string, format: date-time}\n",
            "        CreatedAt: {type: string, format: date-time}\n        Eta: {type: string}\n"
        )]),
        ["member_added CreateOrderResponse.Eta wire=compatible/compatible api=breaking"]
    );
}

#[test]
fn required_member_added() {
    assert_eq!(
        base_edited(&[
            (
                "      required: [ShopId, Items]\n",
                "      required: [ShopId, Items, Coupon]\n"
            ),
            (
                "        Note: {type: string, maxLength: 100}\n",
                "        Note: {type: string, maxLength: 100}\n        Coupon: {type: string}\n"
            ),
        ]),
        ["member_added CreateOrderRequest.Coupon wire=breaking/warning api=breaking"]
    );
    assert_eq!(
        base_edited(&[
            (
                "      required: [OrderId]\n",
                "      required: [OrderId, Eta]\n"
            ),
            (
                "        CreatedAt: {type: string, format: date-time}\n",
                "        CreatedAt: {type: string, format: date-time}\n        Eta: {type: string}\n"
            ),
        ]),
        ["member_added CreateOrderResponse.Eta wire=compatible/breaking api=breaking"]
    );
}

#[test]
fn member_removed() {
    assert_eq!(
        base_edited(&[("        Note: {type: string, maxLength: 100}\n", "")]),
        ["member_removed CreateOrderRequest.Note wire=warning/compatible api=breaking"]
    );
    assert_eq!(
        base_edited(&[
            (
                "      required: [ShopId, Items]\n",
                "      required: [ShopId]\n"
            ),
            (
                "        Items: {$ref: '#/components/schemas/ItemListType'}\n        Note",
                "        Note"
            ),
        ]),
        ["member_removed CreateOrderRequest.Items wire=warning/breaking api=breaking"]
    );
    assert_eq!(
        base_edited(&[(
            "        Status: {$ref: '#/components/schemas/OrderStatus'}\n        CreatedAt",
            "        CreatedAt"
        )]),
        ["member_removed CreateOrderResponse.Status wire=warning/compatible api=breaking"]
    );
    assert_eq!(
        base_edited(&[
            ("      required: [OrderId]\n", ""),
            (
                "        OrderId: {type: string}\n        Status: {$ref: '#/components/schemas/OrderStatus'}\n        CreatedAt",
                "        Status: {$ref: '#/components/schemas/OrderStatus'}\n        CreatedAt"
            ),
        ]),
        ["member_removed CreateOrderResponse.OrderId wire=breaking/compatible api=breaking"]
    );
}

#[test]
fn member_optional() {
    // Request: new clients may omit it, old servers reject that.
    assert_eq!(
        base_edited(&[(
            "      required: [ShopId, OrderId]\n",
            "      required: [ShopId]\n"
        )]),
        ["member_optional GetOrderRequest.OrderId wire=compatible/breaking api=breaking"]
    );
    // Response: old clients require it.
    assert_eq!(
        base_edited(&[("      required: [OrderId]\n", "")]),
        ["member_optional CreateOrderResponse.OrderId wire=breaking/compatible api=breaking"]
    );
    // Both directions: the worse of both.
    assert_eq!(
        base_edited(&[("      required: [Sku]\n", "")]),
        ["member_optional Item.Sku wire=breaking/breaking api=breaking"]
    );
}

#[test]
fn member_required() {
    assert_eq!(
        base_edited(&[(
            "      required: [ShopId, Items]\n",
            "      required: [ShopId, Items, Note]\n"
        )]),
        ["member_required CreateOrderRequest.Note wire=breaking/compatible api=breaking"]
    );
    assert_eq!(
        base_edited(&[(
            "      required: [OrderId]\n",
            "      required: [OrderId, Status]\n"
        )]),
        ["member_required CreateOrderResponse.Status wire=compatible/breaking api=breaking"]
    );
}

#[test]
fn member_nullable() {
    // A required member that may be `null` may be absent: `T` becomes `Option<T>`.
    let nullable = (
        "        OrderId: {type: string}\n    GetOrderResponse",
        "        OrderId: {type: string, nullable: true}\n    GetOrderResponse",
    );
    assert_eq!(
        base_edited(&[nullable]),
        ["member_nullable GetOrderRequest.OrderId wire=compatible/breaking api=breaking"]
    );
    assert_eq!(
        base_reverted(&[nullable]),
        ["member_not_nullable GetOrderRequest.OrderId wire=breaking/compatible api=breaking"]
    );
    // An optional member is an `Option` either way.
    assert_eq!(
        base_edited(&[(
            "Note: {type: string, maxLength: 100}",
            "Note: {type: string, maxLength: 100, nullable: true}"
        )]),
        ["member_nullable CreateOrderRequest.Note wire=compatible/compatible api=compatible"]
    );
}

#[test]
fn member_renamed_in_rust() {
    // `count` claims the field name `count` first, so `Count` becomes `count_2`.
    assert_eq!(
        base_edited(&[(
            "        Count: {type: integer, format: int32}\n",
            "        count: {type: string}\n        Count: {type: integer, format: int32}\n"
        )]),
        [
            "member_renamed Item.Count wire=compatible/compatible api=breaking",
            "member_added Item.count wire=compatible/warning api=breaking",
        ]
    );
}

#[test]
fn member_boxing_changed() {
    // `Order.Owner` closes a cycle with `GetOrderResponse.Order`: both members are boxed.
    assert_eq!(
        base_edited(&[(
            "        Tags:\n          type: object\n",
            "        Owner: {$ref: '#/components/schemas/GetOrderResponse'}
        Tags:\n          type: object\n"
        )]),
        [
            "member_boxing_changed GetOrderResponse.Order wire=compatible/compatible api=breaking",
            "member_added Order.Owner wire=compatible/compatible api=breaking",
        ]
    );
}

#[test]
fn additional_properties_changed() {
    assert_eq!(
        base_edited(&[(
            "    LegacyType:\n      type: object\n",
            "    LegacyType:\n      type: object\n      additionalProperties: {type: string}\n"
        )]),
        ["additional_properties_changed LegacyType wire=compatible/compatible api=breaking"]
    );
}

#[test]
fn member_type_changed() {
    assert_eq!(
        base_edited(&[(
            "Count: {type: integer, format: int32}",
            "Count: {type: string}"
        )]),
        ["type_changed Item.Count wire=breaking/breaking api=breaking"]
    );
    // A differently named structure with the same content reads the same.
    assert_eq!(
        base_edited(&[
            (
                "        Order: {$ref: '#/components/schemas/Order'}",
                "        Order: {$ref: '#/components/schemas/OrderView'}"
            ),
            (
                "    Item:\n",
                "    OrderView:
      type: object
      required: [Items, OrderId]
      properties:
        Items: {$ref: '#/components/schemas/ItemListType'}
        OrderId: {type: string}
        Status: {$ref: '#/components/schemas/OrderStatus'}
        Tags:
          type: object
          additionalProperties: {type: string, maxLength: 256}
    Item:\n"
            ),
        ]),
        [
            "type_changed GetOrderResponse.Order wire=compatible/compatible api=breaking",
            "type_added OrderView wire=compatible/compatible api=compatible",
        ]
    );
}

#[test]
fn integer_widened_and_narrowed() {
    let wide = (
        "Quantity: {type: integer, format: int32,",
        "Quantity: {type: integer,",
    );
    assert_eq!(
        base_edited(&[wide]),
        ["type_changed CreateOrderRequest.Quantity wire=compatible/breaking api=breaking"]
    );
    assert_eq!(
        base_reverted(&[wide]),
        ["type_changed CreateOrderRequest.Quantity wire=breaking/compatible api=breaking"]
    );
}

// --- enums and unions ------------------------------------------------------------------

#[test]
fn enum_value_added() {
    // Request enum: old servers reject the new value. String enums are `#[non_exhaustive]`.
    assert_eq!(
        base_edited(&[("enum: [LOW, HIGH]", "enum: [LOW, HIGH, URGENT]")]),
        ["enum_value_added PriorityType.URGENT wire=compatible/breaking api=compatible"]
    );
    // Response enum: old clients read it as `Unlisted_`.
    assert_eq!(
        base_edited(&[("enum: [PENDING, SHIPPED]", "enum: [PENDING, SHIPPED, LOST]")]),
        ["enum_value_added OrderStatus.LOST wire=warning/compatible api=compatible"]
    );
}

#[test]
fn integer_enum_value_added() {
    let level = |values: &str| {
        edit(
            BASE,
            &[(
                "        Note: {type: string, maxLength: 100}\n",
                &format!(
                    "        Note: {{type: string, maxLength: 100}}\n        Level: {{type: integer, enum: {values}}}\n"
                ),
            )],
        )
    };
    // Plain integers in Rust: only the wire changes.
    assert_eq!(
        between(&level("[1, 2]"), &level("[1, 2, 3]")),
        ["enum_value_added CreateOrderRequest.Level.3 wire=compatible/breaking api=compatible"]
    );
}

#[test]
fn enum_value_removed() {
    assert_eq!(
        base_edited(&[("enum: [LOW, HIGH]", "enum: [LOW]")]),
        ["enum_value_removed PriorityType.HIGH wire=breaking/compatible api=breaking"]
    );
    assert_eq!(
        base_edited(&[("enum: [PENDING, SHIPPED]", "enum: [PENDING]")]),
        ["enum_value_removed OrderStatus.SHIPPED wire=compatible/warning api=breaking"]
    );
}

#[test]
fn enum_variant_renamed_in_rust() {
    // `low` claims the variant name `Low` first.
    assert_eq!(
        base_edited(&[("enum: [LOW, HIGH]", "enum: [low, LOW, HIGH]")]),
        [
            "enum_variant_renamed PriorityType.LOW wire=compatible/compatible api=breaking",
            "enum_value_added PriorityType.low wire=compatible/breaking api=compatible",
        ]
    );
}

const NEW_ALTERNATIVE: [(&str, &str); 2] = [
    (
        "        - {$ref: '#/components/schemas/VoucherPayment'}\n",
        "        - {$ref: '#/components/schemas/VoucherPayment'}
        - {$ref: '#/components/schemas/GiftPayment'}\n",
    ),
    (
        "    LegacyType:\n",
        "    GiftPayment:
      type: object
      required: [From]
      properties:
        From: {type: string}
    LegacyType:\n",
    ),
];

#[test]
fn union_variant_added() {
    assert_eq!(
        base_edited(&NEW_ALTERNATIVE),
        [
            "type_added GiftPayment wire=compatible/compatible api=compatible",
            "union_variant_added PaymentType.GiftPayment wire=compatible/breaking api=breaking",
        ]
    );
}

#[test]
fn union_variant_removed() {
    assert_eq!(
        base_reverted(&NEW_ALTERNATIVE),
        [
            "type_removed GiftPayment wire=compatible/compatible api=breaking",
            "union_variant_removed PaymentType.GiftPayment wire=breaking/compatible api=breaking",
        ]
    );
}

// --- constraints -------------------------------------------------------------------------

#[test]
fn length_raised_and_lowered() {
    // At the alias, once, for every operation that uses it.
    let report = diff(
        &api(BASE),
        &api(&edit(
            BASE,
            &[("      maxLength: 32\n", "      maxLength: 64\n")],
        )),
    );
    assert_eq!(
        rows(&report),
        ["length_changed ShopIdType wire=compatible/breaking api=compatible"]
    );
    let reaches: Vec<(&str, Vec<&str>)> = report.changes[0]
        .reaches
        .iter()
        .map(|(op, roles)| (op.as_str(), roles.names()))
        .collect();
    assert_eq!(
        reaches,
        [
            ("CreateOrder", vec!["input"]),
            ("GetOrder", vec!["input"]),
            ("ListOrders", vec!["input"])
        ]
    );
    assert_eq!(
        base_edited(&[("      maxLength: 32\n", "      maxLength: 16\n")]),
        ["length_changed ShopIdType wire=breaking/compatible api=compatible"]
    );
    assert_eq!(
        base_edited(&[("      minLength: 3\n", "      minLength: 1\n")]),
        ["length_changed ShopIdType wire=compatible/breaking api=compatible"]
    );
    // At the member, when written there; `Item` travels both ways.
    assert_eq!(
        base_edited(&[(
            "Sku: {type: string, minLength: 1, maxLength: 64}",
            "Sku: {type: string, minLength: 1, maxLength: 128}"
        )]),
        ["length_changed Item.Sku wire=warning/breaking api=compatible"]
    );
    // Map values of a response.
    assert_eq!(
        base_edited(&[(
            "additionalProperties: {type: string, maxLength: 256}",
            "additionalProperties: {type: string, maxLength: 512}"
        )]),
        ["length_changed Order.Tags{} wire=warning/compatible api=compatible"]
    );
}

#[test]
fn item_count_changed() {
    assert_eq!(
        base_edited(&[("      maxItems: 10\n", "      maxItems: 20\n")]),
        ["item_count_changed ItemListType wire=warning/breaking api=compatible"]
    );
    assert_eq!(
        base_edited(&[(
            "        Tags:\n          type: object\n",
            "        Tags:\n          type: object\n          maxProperties: 5\n"
        )]),
        ["item_count_changed Order.Tags wire=compatible/warning api=compatible"]
    );
}

#[test]
fn range_changed() {
    assert_eq!(
        base_edited(&[("minimum: 1, maximum: 60", "minimum: 1, maximum: 100")]),
        ["range_changed ListOrdersRequest.MaxResults wire=compatible/breaking api=compatible"]
    );
    assert_eq!(
        base_edited(&[("minimum: 1, maximum: 60", "minimum: 5, maximum: 60")]),
        ["range_changed ListOrdersRequest.MaxResults wire=breaking/compatible api=compatible"]
    );
}

#[test]
fn pattern_changed() {
    assert_eq!(
        base_edited(&[("pattern: '[a-z]+-[0-9]+'", "pattern: '[a-z]+_[0-9]+'")]),
        ["pattern_changed ShopIdType wire=breaking/breaking api=compatible"]
    );
    assert_eq!(
        base_edited(&[("      pattern: '[a-z]+-[0-9]+'\n", "")]),
        ["pattern_changed ShopIdType wire=compatible/breaking api=compatible"]
    );
    assert_eq!(
        base_edited(&[(
            "Note: {type: string, maxLength: 100}",
            "Note: {type: string, maxLength: 100, pattern: '[a-z ]*'}"
        )]),
        ["pattern_changed CreateOrderRequest.Note wire=breaking/compatible api=compatible"]
    );
}

#[test]
fn sensitive_changed() {
    assert_eq!(
        base_edited(&[(
            "Secret: {type: string}",
            "Secret: {type: string, format: password}"
        )]),
        ["sensitive_changed Item.Secret wire=compatible/compatible api=compatible"]
    );
}

#[test]
fn unused_type_changes_nothing_on_the_wire() {
    assert_eq!(
        base_edited(&[(
            "    LegacyType:\n      type: object\n      properties:\n        Name: {type: string}\n",
            "    LegacyType:\n      type: object\n      required: [Name]\n      properties:\n        Name: {type: string}\n"
        )]),
        ["member_required LegacyType.Name wire=compatible/compatible api=breaking"]
    );
}

// --- golden outputs ----------------------------------------------------------------------

/// Compares `actual` with the checked-in file, or rewrites it under `UPDATE_GOLDEN=1`.
fn golden(name: &str, actual: &str) {
    let path = fixtures().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs; run `UPDATE_GOLDEN=1 cargo test -p specgen --test diff` and review the \
         change.\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn golden_report() -> Report {
    let settings = Settings::default();
    let old = specgen::load(&fixtures().join("base.yaml"), &settings).expect("old spec");
    let new = specgen::load(&fixtures().join("golden-new.yaml"), &settings).expect("new spec");
    diff(&old, &new)
}

#[test]
fn golden_text() {
    golden("golden.txt", &golden_report().render_text());
}

#[test]
fn golden_json() {
    let report = golden_report();
    let json = report.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["format"], "specgen-diff");
    assert_eq!(
        value["changes"].as_array().map(Vec::len),
        Some(report.changes.len())
    );
    golden("golden.json", &json);
}

#[test]
fn output_is_deterministic() {
    let a = golden_report();
    let b = golden_report();
    assert_eq!(a.render_text(), b.render_text());
    assert_eq!(a.to_json(), b.to_json());
}

// --- the command line --------------------------------------------------------------------

fn specgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_specgen"))
        .args(args)
        .output()
        .expect("run specgen")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).to_string_lossy().into_owned()
}

#[test]
fn cli_same_spec_passes_fail_on_api() {
    let base = fixture("base.yaml");
    let o = specgen(&["diff", &base, &base, "--fail-on", "api"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("No changes."));
}

#[test]
fn cli_fail_on_api_fails_on_breaking_pair() {
    let (old, new) = (fixture("base.yaml"), fixture("golden-new.yaml"));
    let o = specgen(&["diff", &old, &new, "--fail-on", "api"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("api"));
    // Without --fail-on the report alone succeeds.
    assert_eq!(specgen(&["diff", &old, &new]).status.code(), Some(0));
}

#[test]
fn cli_fail_on_classes_repeat_and_combine() {
    let (old, new) = (fixture("base.yaml"), fixture("fail-on-new.yaml"));
    // Only a raised limit on a request: new clients may break, nothing else.
    assert_eq!(
        specgen(&["diff", &old, &new, "--fail-on", "api,old-client"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        specgen(&["diff", &old, &new, "--fail-on", "api", "--fail-on", "wire"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        specgen(&["diff", &old, &new, "--fail-on", "new-client"])
            .status
            .code(),
        Some(1)
    );
    let bad = specgen(&["diff", &old, &new, "--fail-on", "everything"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("old-client"));
}

#[test]
fn cli_json_matches_the_library() {
    let (old, new) = (fixture("base.yaml"), fixture("golden-new.yaml"));
    let o = specgen(&["diff", &old, &new, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        golden_report().to_json()
    );
}

#[test]
fn cli_unreadable_spec_exits_2() {
    let base = fixture("base.yaml");
    let missing = fixture("does-not-exist.yaml");
    let o = specgen(&["diff", &base, &missing, "--fail-on", "api"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does-not-exist.yaml"));
}

// --- Cognito: the older bundled spec against today's model ---------------------------------

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `tests/fixtures/cognito-idp-apisguru.yaml` (the older APIs.guru conversion the crate was
/// generated from) against `spec/cognito-idp.yaml` (today's model, by `specgen import`).
fn cognito_report() -> Report {
    let settings = Settings::default();
    let old = specgen::load(
        &repo().join("tests/fixtures/cognito-idp-apisguru.yaml"),
        &settings,
    )
    .expect("old spec");
    let new = specgen::load(&repo().join("spec/cognito-idp.yaml"), &settings).expect("new spec");
    diff(&old, &new)
}

#[test]
fn cognito_old_against_today() {
    let report = cognito_report();
    let text = report.render_text();
    golden("cognito.txt", &text);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
    let changes = json["changes"].as_array().expect("changes");
    let has = |kind: &str, what: &dyn Fn(&serde_json::Value) -> bool| {
        changes.iter().any(|c| c["kind"] == kind && what(c))
    };
    // The 19 operations issue 11 found missing (today's model has 50 more in all).
    for op in [
        "AddUserPoolClientSecret",
        "CompleteWebAuthnRegistration",
        "CreateManagedLoginBranding",
        "CreateTerms",
        "DeleteManagedLoginBranding",
        "DeleteTerms",
        "DeleteUserPoolClientSecret",
        "DeleteWebAuthnCredential",
        "DescribeManagedLoginBranding",
        "DescribeManagedLoginBrandingByClient",
        "DescribeTerms",
        "GetTokensFromRefreshToken",
        "GetUserAuthFactors",
        "ListTerms",
        "ListUserPoolClientSecrets",
        "ListWebAuthnCredentials",
        "StartWebAuthnRegistration",
        "UpdateManagedLoginBranding",
        "UpdateTerms",
    ] {
        assert!(
            has("operation_added", &|c| c["operation"] == op),
            "{op} not reported as added"
        );
    }
    let added = changes
        .iter()
        .filter(|c| c["kind"] == "operation_added")
        .count();
    assert_eq!(added, 50);
    // The three members that became optional.
    for (schema, member) in [
        ("SignUpRequest", "Password"),
        ("ChangePasswordRequest", "PreviousPassword"),
        ("UpdateUserPoolDomainRequest", "CustomDomainConfig"),
    ] {
        assert!(
            has("member_optional", &|c| c["schema"] == schema
                && c["member"] == member),
            "{schema}.{member} not reported as made optional"
        );
    }
    // New enum values.
    for (schema, value) in [
        ("AuthFlowType", "USER_AUTH"),
        ("ExplicitAuthFlowsType", "ALLOW_USER_AUTH"),
        ("ChallengeNameType", "EMAIL_OTP"),
        ("ChallengeNameType", "SELECT_CHALLENGE"),
        ("ChallengeNameType", "WEB_AUTHN"),
    ] {
        assert!(
            has("enum_value_added", &|c| c["schema"] == schema
                && c["value"] == value),
            "{schema} {value} not reported as added"
        );
    }
    assert!(report.has("api".parse().unwrap()));
}

#[test]
fn cli_fail_on_api_for_cognito() {
    let old = repo().join("tests/fixtures/cognito-idp-apisguru.yaml");
    let new = repo().join("spec/cognito-idp.yaml");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let o = specgen(&["diff", old, new, "--fail-on", "api"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = specgen(&["diff", new, new, "--fail-on", "api"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn exclusive_bound_changed() {
    let spec = |level: &str| {
        format!(
            "openapi: 3.0.3
info: {{title: Gauges, version: '1'}}
paths:
  /readings:
    post:
      operationId: addReading
      requestBody:
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/Reading'}}
      responses:
        '204': {{description: Added.}}
components:
  schemas:
    Reading:
      type: object
      properties:
        level: {{{level}}}
"
        )
    };
    let inclusive = spec("type: number, minimum: 0, maximum: 1");
    let exclusive = spec("type: number, minimum: 0, maximum: 1, exclusiveMinimum: true");
    let tightened = diff(&api(&inclusive), &api(&exclusive));
    assert_eq!(
        rows(&tightened),
        ["range_changed Reading.level wire=breaking/compatible api=compatible"]
    );
    assert_eq!(
        tightened.changes[0].detail,
        "minimum 0 -> 0 (exclusive); new servers reject values the old limit allowed"
    );
    let relaxed = diff(&api(&exclusive), &api(&inclusive));
    assert_eq!(
        rows(&relaxed),
        ["range_changed Reading.level wire=compatible/breaking api=compatible"]
    );
}
