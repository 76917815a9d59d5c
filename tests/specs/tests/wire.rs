//! No silent data loss on the wire: documents, non-finite floats and per-member timestamp
//! formats, through both readers (`Request::from_http`/`from_json` and
//! `Response::from_json`, the crate's own reader; serde with the types' impls) and back.
//!
//! Specs: `tests/fixtures/aws-import/*.yaml`, made by `specgen import` from the models in
//! `tests/fixtures/aws-models` (trimmed botocore models and a hand-written one).

use serde_json::Value;
use specgen_runtime::{Document, Timestamp, Validate};

/// An error message without its position (` at line 1 column 30`), which the two readers
/// place differently.
fn words(message: &str) -> String {
    let Some(at) = message.find(" at line ") else {
        return message.to_owned();
    };
    let rest = &message[at..];
    let tail = rest.find(" (in ").map_or("", |i| &rest[i..]);
    format!("{}{tail}", &message[..at])
}

/// A body written back by serde, as text.
fn text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

mod documents {
    use super::*;
    use specgen_spec_tests::kendra;
    use specgen_spec_tests::wire_formats::{Operation, Request, Response, types};

    /// A record whose members are in spec order, so that writing it back gives the same
    /// bytes.
    fn record(attributes: &str) -> String {
        format!(
            r#"{{"Id":"r1","Score":1.5,"Created":"2016-09-30T21:29:26.928Z","Attributes":{attributes}}}"#
        )
    }

    const NESTED: &str = r#"{"type":"S3","syncMode":"FULL_CRAWL","connectionConfiguration":{"repositoryEndpointMetadata":{"BucketName":"b"}},"list":[1,-2,3.25,1.50,1e+16,1E-7,-0,123456789012345678901234567890,null,true,"x",{},[]],"nothing":null,"b":1,"a":2}"#;

    #[test]
    fn a_document_round_trips_byte_for_byte() {
        let body = format!(r#"{{"Record":{}}}"#, record(NESTED));
        for request in [
            Request::from_http(Operation::PutRecord.target(), body.as_bytes()).unwrap(),
            Request::from_json(Operation::PutRecord, body.as_bytes()).unwrap(),
        ] {
            assert_eq!(text(&request), body);
            let Request::PutRecord(input) = &request else {
                panic!("{request:?}")
            };
            let doc = input.record.attributes.as_ref().unwrap();
            assert_eq!(
                doc.get("syncMode").and_then(Document::as_str),
                Some("FULL_CRAWL")
            );
            let keys: Vec<&str> = doc.as_object().unwrap().keys().collect();
            assert_eq!(
                keys[keys.len() - 2..],
                ["b", "a"],
                "members keep their order"
            );
        }
        // Through serde: the same value (numbers by value), the same members in the same
        // order; numbers written as serde_json writes them.
        let serde: types::PutRecordInput = serde_json::from_str(&body).unwrap();
        let Request::PutRecord(ours) =
            Request::from_json(Operation::PutRecord, body.as_bytes()).unwrap()
        else {
            unreachable!()
        };
        assert_eq!(serde, ours);
        let canonical = body
            .replace("1.50", "1.5")
            .replace("1E-7", "1e-7")
            .replace(",-0,", ",-0.0,")
            .replace("123456789012345678901234567890", "1.2345678901234568e+29");
        assert_eq!(text(&serde), canonical);
        // A response, and a document that is not an object.
        for attributes in [NESTED, "[1]", "\"text\"", "0.1", "false"] {
            let body = record(attributes);
            let response = Response::from_json(Operation::GetRecord, body.as_bytes()).unwrap();
            assert_eq!(text(&response), body, "{attributes}");
            let serde: types::Record = serde_json::from_str(&body).unwrap();
            assert_eq!(
                text(&serde),
                text(&response)
                    .replace("1.50", "1.5")
                    .replace("1E-7", "1e-7")
                    .replace(",-0,", ",-0.0,")
                    .replace("123456789012345678901234567890", "1.2345678901234568e+29")
            );
        }
    }

    #[test]
    fn documents_in_lists_and_maps() {
        let body = format!(
            r#"{{"Record":{{"Id":"r1","Score":1.5,"Created":"2016-09-30T21:29:26Z","Extras":[{NESTED},null,[null]],"Settings":{{"k":{NESTED},"n":null}}}}}}"#
        );
        let request = Request::from_http(Operation::PutRecord.target(), body.as_bytes()).unwrap();
        assert_eq!(text(&request), body);
        let Request::PutRecord(input) = &request else {
            unreachable!()
        };
        assert_eq!(input.record.extras.as_ref().unwrap()[1], Document::Null);
        assert_eq!(input.record.settings.as_ref().unwrap()["n"], Document::Null);
    }

    #[test]
    fn a_member_given_twice_inside_a_document_is_refused_by_both_readers() {
        let body = format!(r#"{{"Record":{}}}"#, record(r#"{"a":1,"b":{"c":1,"c":2}}"#));
        let e = Request::from_http(Operation::PutRecord.target(), body.as_bytes()).unwrap_err();
        assert_eq!(e.code(), "SerializationException");
        let e = Request::from_json(Operation::PutRecord, body.as_bytes()).unwrap_err();
        assert!(e.to_string().starts_with("duplicate field `c`"), "{e}");
        let e = serde_json::from_str::<types::PutRecordInput>(&body).unwrap_err();
        assert!(e.to_string().starts_with("duplicate field `c`"), "{e}");
    }

    #[test]
    fn kendra_templates_keep_every_member() {
        use kendra::{Operation, Request, types};
        let template = r#"{"type":"S3","syncMode":"FULL_CRAWL","connectionConfiguration":{"repositoryEndpointMetadata":{"BucketName":"my-bucket"}},"repositoryConfigurations":{"document":{"fieldMappings":[{"indexFieldName":"_document_title","indexFieldType":"STRING","dataSourceFieldName":"title"}]}},"additionalProperties":{"inclusionPrefixes":["docs/"],"maxFileSizeInMegaBytes":"50"},"version":"1.0.0","enableIdentityCrawler":false}"#;
        for template in [template, "[1]", "null"] {
            let body = format!(
                r#"{{"Name":"n","IndexId":"0123456789abcdef0123456789abcdef0123","Type":"TEMPLATE","Configuration":{{"TemplateConfiguration":{{"Template":{template}}}}}}}"#
            );
            let request = Request::from_http(Operation::CreateDataSource.target(), body.as_bytes())
                .unwrap_or_else(|e| panic!("{template}: {e:?}"));
            let expected = if template == "null" {
                // `null` is an absent member, as everywhere on the AWS JSON wire.
                body.replace(r#"{"Template":null}"#, "{}")
            } else {
                body.clone()
            };
            assert_eq!(text(&request), expected);
            let serde: types::CreateDataSourceRequest = serde_json::from_str(&body).unwrap();
            assert!(serde.validate().is_ok());
            assert_eq!(text(&serde), expected);
        }
    }
}

mod floats {
    use super::*;
    use specgen_spec_tests::lightsail;
    use specgen_spec_tests::wire_formats::{Operation, Request, Response, types};

    const SPECIAL: [&str; 3] = ["NaN", "Infinity", "-Infinity"];

    fn same_bits(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
    }

    #[test]
    fn non_finite_values_round_trip_as_strings() {
        for s in SPECIAL {
            let body = format!(
                r#"{{"Id":"r1","Score":"{s}","Ratio":"{s}","Scores":[1.5,"{s}"],"Ratios":["{s}",2.5],"ScoresByName":{{"a":"{s}","b":0.1}},"Created":"2016-09-30T21:29:26.928Z"}}"#
            );
            let expected: f64 = match s {
                "NaN" => f64::NAN,
                "Infinity" => f64::INFINITY,
                _ => f64::NEG_INFINITY,
            };
            let response = Response::from_json(Operation::GetRecord, body.as_bytes()).unwrap();
            assert_eq!(text(&response), body);
            let Response::GetRecord(ours) = &response else {
                unreachable!()
            };
            let serde: types::Record = serde_json::from_str(&body).unwrap();
            assert_eq!(text(&serde), body);
            for record in [ours, &serde] {
                assert!(same_bits(record.score, expected));
                assert!(same_bits(f64::from(record.ratio.unwrap()), expected));
                assert!(same_bits(record.scores.as_ref().unwrap()[1], expected));
                assert!(same_bits(
                    f64::from(record.ratios.as_ref().unwrap()[0]),
                    expected
                ));
                assert!(same_bits(
                    record.scores_by_name.as_ref().unwrap()["a"],
                    expected
                ));
            }
            // Requests, read and checked in one pass.
            let request = format!(r#"{{"Record":{body}}}"#);
            let read = Request::from_http(Operation::PutRecord.target(), request.as_bytes());
            match (s, read) {
                // The float member has a range, which an infinity is outside of.
                ("NaN", Ok(read)) => assert_eq!(text(&read), request),
                (_, Err(e)) => {
                    assert_eq!(e.code(), "ValidationException", "{e:?}");
                    let message = e.message().unwrap();
                    assert!(message.contains("at 'record.ratio'"), "{message}");
                    assert!(message.contains("at 'record.ratios'"), "{message}");
                }
                (_, Ok(read)) => panic!("{s}: {read:?}"),
            }
            let read = Request::from_json(Operation::PutRecord, request.as_bytes()).unwrap();
            assert_eq!(text(&read), request);
        }
    }

    #[test]
    fn finite_values_are_numbers() {
        let record = types::Record {
            id: "r1".into(),
            score: 0.1,
            ratio: Some(-2.5),
            scores: Some(vec![1e300, -0.0, f64::MIN_POSITIVE]),
            ratios: None,
            scores_by_name: None,
            created: Timestamp::from_secs(0),
            ..serde_json::from_str(r#"{"Id":"","Score":0,"Created":"1970-01-01T00:00:00Z"}"#)
                .unwrap()
        };
        let written = text(&record);
        assert_eq!(
            written,
            r#"{"Id":"r1","Score":0.1,"Ratio":-2.5,"Scores":[1e+300,-0.0,2.2250738585072014e-308],"Created":"1970-01-01T00:00:00Z"}"#
        );
        let back = Response::from_json(Operation::GetRecord, written.as_bytes()).unwrap();
        assert_eq!(back, Response::GetRecord(record));
    }

    #[test]
    fn other_strings_and_other_members_are_refused_by_both_readers() {
        let record = |score: &str, flag: &str| {
            format!(
                r#"{{"Id":"r1","Score":{score},"Created":"2016-09-30T21:29:26Z","Flag":{flag}}}"#
            )
        };
        for (score, flag) in [
            (r#""nan""#, "true"),
            (r#""inf""#, "true"),
            (r#""+Infinity""#, "true"),
            (r#""1.5""#, "true"),
            ("NaN", "true"),
            ("Infinity", "true"),
            ("1", r#""NaN""#),
        ] {
            let body = record(score, flag);
            assert!(
                Response::from_json(Operation::GetRecord, body.as_bytes()).is_err(),
                "{body}"
            );
            assert!(
                serde_json::from_str::<types::Record>(&body).is_err(),
                "{body}"
            );
            let request = format!(r#"{{"Record":{body}}}"#);
            let e =
                Request::from_http(Operation::PutRecord.target(), request.as_bytes()).unwrap_err();
            assert_eq!(e.code(), "SerializationException", "{body}");
        }
        // The reader's own words (`from_http` answers in AWS's).
        let body = r#"{"Id":"r1","Score":"nan","Created":"2016-09-30T21:29:26Z"}"#;
        let expected =
            r#"invalid type: string "nan", expected f64 or "NaN", "Infinity" or "-Infinity""#;
        let e = Response::from_json(Operation::GetRecord, body.as_bytes()).unwrap_err();
        assert_eq!(words(&e.to_string()), format!("{expected} (in 'score')"));
        let e = serde_json::from_str::<types::Record>(body).unwrap_err();
        assert_eq!(words(&e.to_string()), expected);
    }

    #[test]
    fn lightsail_alarm_thresholds() {
        use lightsail::{Operation, Request, types};
        let body = r#"{"alarmName":"cpu","metricName":"CPUUtilization","monitoredResourceName":"vm","comparisonOperator":"GreaterThanOrEqualToThreshold","threshold":"NaN","evaluationPeriods":1}"#;
        let request = Request::from_http(Operation::PutAlarm.target(), body.as_bytes()).unwrap();
        let Request::PutAlarm(alarm) = &request else {
            unreachable!()
        };
        assert!(alarm.threshold.is_nan());
        let written: Value = serde_json::from_str(&text(&request)).unwrap();
        assert_eq!(written["threshold"], "NaN");
        let serde: types::PutAlarmRequest = serde_json::from_str(body).unwrap();
        assert!(serde.threshold.is_nan());
        // `evaluationPeriods` is an integer: the strings are for floats only.
        let bad = body.replace(r#""evaluationPeriods":1"#, r#""evaluationPeriods":"NaN""#);
        assert!(Request::from_http(Operation::PutAlarm.target(), bad.as_bytes()).is_err());
        assert!(serde_json::from_str::<types::PutAlarmRequest>(&bad).is_err());
    }
}

mod unions {
    use super::*;
    use specgen_spec_tests::wire_unions::{Operation, Request, types};

    #[test]
    fn alternatives_keep_their_wire_forms() {
        let body = r#"{"Value":"NaN","Values":[1.5,"-Infinity","2016-09-30T21:29:26.928Z",true],"Template":{"type":"S3","n":[1.50,null]}}"#;
        let request = Request::from_http(Operation::Put.target(), body.as_bytes()).unwrap();
        assert_eq!(text(&request), body);
        let Request::Put(input) = &request;
        assert!(matches!(input.value, Some(types::Value::Number(v)) if v.is_nan()));
        let values = input.values.as_ref().unwrap();
        assert!(matches!(values[1], types::Value::Number(v) if v == f64::NEG_INFINITY));
        assert_eq!(
            values[2],
            types::Value::Timestamp(Timestamp::from_epoch_seconds(1475270966.928))
        );
        // The older conversion's `Template` (an object without members) is a document.
        let template: &Document = input.template.as_ref().unwrap();
        assert_eq!(template.get("type").and_then(Document::as_str), Some("S3"));
        let serde: types::PutInput = serde_json::from_str(body).unwrap();
        assert_eq!(text(&serde), body.replace("1.50", "1.5"));
        // A string that is neither alternative's.
        let bad = r#"{"Value":"nan"}"#;
        assert!(Request::from_http(Operation::Put.target(), bad.as_bytes()).is_err());
        assert!(serde_json::from_str::<types::PutInput>(bad).is_err());
    }
}

mod timestamps {
    use super::*;
    use specgen_spec_tests::redshift_serverless;
    use specgen_spec_tests::wire_formats::{Operation, Request, Response, types};

    const T: f64 = 1475270966.928;

    #[test]
    fn each_member_in_its_own_format() {
        let body = r#"{"Id":"r1","Score":1.5,"Created":"2016-09-30T21:29:26.928Z","Updated":1475270966.928,"Expires":"2016-09-30T21:29:26.928Z","LastModified":"Fri, 30 Sep 2016 21:29:26.928 GMT","Checked":"Fri, 30 Sep 2016 21:29:26 GMT","Epoch":1475270966,"Explicit":1475270966.928,"History":["2016-09-30T21:29:26.928Z","1970-01-01T00:00:00Z"],"Milestones":{"a":"1969-12-31T23:59:59.5Z"}}"#;
        let response = Response::from_json(Operation::GetRecord, body.as_bytes()).unwrap();
        assert_eq!(text(&response), body);
        let serde: types::Record = serde_json::from_str(body).unwrap();
        assert_eq!(Response::GetRecord(serde.clone()), response);
        assert_eq!(text(&serde), body);
        let t = Timestamp::from_epoch_seconds(T);
        assert_eq!(serde.created, t);
        assert_eq!(serde.updated, Some(t));
        assert_eq!(serde.expires, Some(t));
        assert_eq!(serde.last_modified, Some(t));
        assert_eq!(serde.checked, Some(Timestamp::from_secs(1475270966)));
        assert_eq!(serde.epoch, Some(Timestamp::from_secs(1475270966)));
        assert_eq!(serde.explicit, Some(t));
        assert_eq!(
            serde.milestones.as_ref().unwrap()["a"],
            Timestamp::from_epoch_seconds(-0.5)
        );
        let request = format!(r#"{{"Record":{body}}}"#);
        let read = Request::from_http(Operation::PutRecord.target(), request.as_bytes()).unwrap();
        assert_eq!(text(&read), request);
    }

    #[test]
    fn a_timestamp_in_another_format_is_refused_by_both_readers() {
        for (member, value) in [
            ("Created", "1475270966"),
            ("Created", r#""Fri, 30 Sep 2016 21:29:26 GMT""#),
            ("Created", r#""2016-09-30""#),
            ("Created", r#""2016-02-30T00:00:00Z""#),
            ("Updated", r#""2016-09-30T21:29:26.928Z""#),
            ("LastModified", r#""2016-09-30T21:29:26.928Z""#),
            ("LastModified", r#""Sat, 30 Sep 2016 21:29:26 GMT""#),
            ("History", r#"[1475270966]"#),
            ("Epoch", r#""2016-09-30T21:29:26.928Z""#),
        ] {
            let body = format!(
                r#"{{"Id":"r1","Score":1.5,"Created":"2016-09-30T21:29:26Z","{member}":{value}}}"#
            );
            let body = body.replacen(
                r#","Created":"2016-09-30T21:29:26Z","Created""#,
                r#","Created""#,
                1,
            );
            assert!(
                Response::from_json(Operation::GetRecord, body.as_bytes()).is_err(),
                "{body}"
            );
            assert!(
                serde_json::from_str::<types::Record>(&body).is_err(),
                "{body}"
            );
            let request = format!(r#"{{"Record":{body}}}"#);
            let e =
                Request::from_http(Operation::PutRecord.target(), request.as_bytes()).unwrap_err();
            assert_eq!(e.code(), "SerializationException", "{body}");
        }
        for (created, expected) in [
            (
                "1475270966",
                "invalid type: integer `1475270966`, expected an RFC 3339 date-time string",
            ),
            (
                r#""2016-02-30T00:00:00Z""#,
                r#"invalid value: string "2016-02-30T00:00:00Z", expected an RFC 3339 date-time string"#,
            ),
        ] {
            let body = format!(r#"{{"Id":"r1","Score":1.5,"Created":{created}}}"#);
            let e = Response::from_json(Operation::GetRecord, body.as_bytes()).unwrap_err();
            assert_eq!(words(&e.to_string()), format!("{expected} (in 'created')"));
            let e = serde_json::from_str::<types::Record>(&body).unwrap_err();
            assert_eq!(words(&e.to_string()), expected);
        }
    }

    #[test]
    fn redshift_serverless_epoch_requests_and_iso_responses() {
        use redshift_serverless::{Operation, Request, Response, types};
        let request = r#"{"endTime":1700003600,"startTime":1700000000.5}"#;
        let read =
            Request::from_http(Operation::ListSnapshots.target(), request.as_bytes()).unwrap();
        assert_eq!(text(&read), request);
        let response = r#"{"snapshots":[{"snapshotCreateTime":"2023-11-14T22:13:20.5Z","snapshotName":"s","snapshotRetentionStartTime":"2023-11-14T22:13:20Z"}]}"#;
        let read = Response::from_json(Operation::ListSnapshots, response.as_bytes()).unwrap();
        assert_eq!(text(&read), response);
        let Response::ListSnapshots(list) = &read else {
            unreachable!()
        };
        let snapshot = &list.snapshots.as_ref().unwrap()[0];
        assert_eq!(
            snapshot.snapshot_create_time,
            Some(Timestamp::from_epoch_seconds(1_700_000_000.5))
        );
        let serde: types::ListSnapshotsResponse = serde_json::from_str(response).unwrap();
        assert_eq!(text(&serde), response);
        let credentials =
            r#"{"dbUser":"u","expiration":1700000000,"nextRefreshTime":1700000000.25}"#;
        let read = Response::from_json(Operation::GetCredentials, credentials.as_bytes()).unwrap();
        assert_eq!(text(&read), credentials);
    }
}

/// Each spec in `tests/fixtures/aws-import` is what `specgen import` makes of its model in
/// `tests/fixtures/aws-models` (`scripts/wire-fixtures.sh` rewrites both).
#[test]
fn imported_fixtures_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(root.join("aws-models")).unwrap() {
        let model = entry.unwrap().path();
        let name = model.file_stem().unwrap().to_str().unwrap().to_owned();
        let spec = root.join("aws-import").join(format!("{name}.yaml"));
        let expected = std::fs::read_to_string(&spec).unwrap();
        let actual = specgen::import::import_model(&std::fs::read(&model).unwrap()).unwrap();
        assert!(
            actual == expected,
            "{} is stale: run scripts/wire-fixtures.sh",
            spec.display()
        );
        checked += 1;
    }
    assert_eq!(checked, 4);
}
