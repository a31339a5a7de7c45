//! The hostile-input drill: a table of malformed and hostile requests (malformed and truncated
//! JSON, wrong types, deep nesting, huge and invalid UTF-8 bodies, missing or wrong content
//! type and CSRF header, foreign origins, forged and stale cookies, open redirects in every
//! `return_to`, unknown codes, limits ± 1, injection-looking strings) against every endpoint,
//! each row with the status it must get (and the code, where the answer is JSON). No row may
//! get a 5xx; afterwards the server must be healthy and a registration made before the drill
//! must read back the same.
//!
//! The expectations are in [`table`], one row per request. The server runs with its public
//! URL set, as in production, so the CSRF check compares whole origins against it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use contract::CSRF_HEADER;
use contract::paths::{self, api};
use openidconnect::reqwest::{Client, Method, header::HeaderValue};

use crate::harness::{self, Backend, Database, Scratch, ServerSpec};

/// What a row must get.
#[derive(Clone, Debug)]
struct Expect {
    status: u16,
    /// The JSON body's `code` (unchecked when `None`: not a JSON answer).
    code: Option<&'static str>,
    /// A redirect whose `Location` must stay on this site (a path, not `//host` or `/\host`).
    local_redirect: bool,
    /// Text the answer (body and `Location`) must not contain.
    lacks: Option<&'static str>,
    /// The server may close the connection instead of answering (a body far over the limit,
    /// which it refuses before reading it to the end).
    may_close: bool,
}

fn is(status: u16, code: Option<&'static str>) -> Expect {
    Expect {
        status,
        code,
        local_redirect: false,
        lacks: None,
        may_close: false,
    }
}

impl Expect {
    fn local_redirect(mut self) -> Expect {
        self.local_redirect = true;
        self
    }

    fn lacks(mut self, text: &'static str) -> Expect {
        self.lacks = Some(text);
        self
    }

    fn may_close(mut self) -> Expect {
        self.may_close = true;
        self
    }
}

/// Who sends a row.
#[derive(Clone, Copy, Debug)]
enum Who {
    /// Nobody signed in, no cookie.
    Anonymous,
    /// Registered and profiled before the drill; only ever sent refused writes, so its data
    /// must read back unchanged.
    Keeper,
    /// Registered before the drill; rows may change its registration.
    Editor,
    /// Signed in, nothing stored.
    Fresh,
    /// A well-formed session id the server never issued.
    Forged,
    /// A session that was signed out.
    Stale,
    /// A cookie that is no session id at all.
    Garbage,
}

/// One request of the table.
#[derive(Clone, Debug)]
struct Row {
    name: String,
    method: Method,
    path: String,
    who: Who,
    /// The headers the app sends (CSRF header, this server's Origin) unless false.
    as_the_app: bool,
    content_type: Option<&'static str>,
    headers: Vec<(&'static str, Vec<u8>)>,
    body: Vec<u8>,
    expect: Expect,
}

fn row(name: impl Into<String>, method: Method, path: impl Into<String>, expect: Expect) -> Row {
    Row {
        name: name.into(),
        method,
        path: path.into(),
        who: Who::Anonymous,
        as_the_app: true,
        content_type: None,
        headers: Vec::new(),
        body: Vec::new(),
        expect,
    }
}

impl Row {
    fn by(mut self, who: Who) -> Row {
        self.who = who;
        self
    }

    fn json(mut self, body: impl Into<Vec<u8>>) -> Row {
        self.content_type = Some("application/json");
        self.body = body.into();
        self
    }

    fn body(mut self, content_type: Option<&'static str>, body: impl Into<Vec<u8>>) -> Row {
        self.content_type = content_type;
        self.body = body.into();
        self
    }

    fn not_as_the_app(mut self) -> Row {
        self.as_the_app = false;
        self
    }

    fn header(mut self, name: &'static str, value: impl Into<Vec<u8>>) -> Row {
        self.headers.push((name, value.into()));
        self
    }
}

const VALID_REGISTRATION: &str = r#"{"phone":"040 123 4567","email":"maija@esimerkki.fi","organisations":["organisation:HUS","municipality:091"]}"#;

fn valid_profile() -> String {
    serde_json::json!({
        "professional_group": domain::profession::ProfessionalGroup::ALL[0].code(),
        "wellbeing_county": null,
    })
    .to_string()
}

fn registration(phone: &str, email: &str, organisations: &[String]) -> String {
    serde_json::json!({"phone": phone, "email": email, "organisations": organisations}).to_string()
}

/// `count` distinct valid cooperation codes.
fn organisations(count: usize) -> Vec<String> {
    domain::cooperation::CooperationOrganisation::all()
        .map(|organisation| organisation.code())
        .take(count)
        .collect()
}

/// An e-mail address of exactly `length` characters (at least 200): 64 before the @, labels of
/// at most 63.
fn email_of_length(length: usize) -> String {
    let head = format!("{}@{}.{}.", "a".repeat(64), "b".repeat(63), "c".repeat(63));
    format!("{head}{}.fi", "e".repeat(length - head.len() - 3))
}

/// The rows: every endpoint, every kind of hostile input.
fn table(port: u16) -> Vec<Row> {
    use Method as M;
    let mut rows = Vec::new();
    let malformed = 400;
    let bad_json = Some("malformed_json");
    let bad_body = Some("invalid_body");
    let csrf = Some("csrf_refused");
    let unauthenticated = Some("unauthenticated");
    let invalid = Some("validation_failed");

    // --- The JSON endpoints' bodies. Sent anonymously: the body is read before the session,
    // so a refused body is 400/413/415, and an acceptable one 401 (nothing is written).
    let json_endpoints = [
        (M::POST, api::REGISTRATION),
        (M::PUT, api::REGISTRATION),
        (M::POST, api::PROFILE),
        (M::PUT, api::PROFILE),
    ];
    let truncate = |text: &str, at: usize| text.as_bytes()[..at].to_vec();
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let deep_object = |depth: usize| {
        format!(
            "{{\"x\":{}1{}}}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        )
    };
    let body_rows: Vec<(String, Vec<u8>, Expect)> = vec![
        ("empty body".into(), b"".to_vec(), is(malformed, bad_json)),
        ("one brace".into(), b"{".to_vec(), is(malformed, bad_json)),
        ("unclosed array".into(), b"[1,2".to_vec(), is(malformed, bad_body)),
        ("bare word".into(), b"nul".to_vec(), is(malformed, bad_json)),
        ("trailing comma".into(), br#"{"phone":"1",}"#.to_vec(), is(malformed, bad_json)),
        ("single quotes".into(), b"{'phone':'1'}".to_vec(), is(malformed, bad_json)),
        ("comment".into(), b"/* x */ {}".to_vec(), is(malformed, bad_json)),
        ("two documents".into(), b"{} {}".to_vec(), is(malformed, bad_body)),
        ("NaN".into(), br#"{"phone":NaN}"#.to_vec(), is(malformed, bad_json)),
        ("byte order mark".into(), [b"\xef\xbb\xbf".as_slice(), VALID_REGISTRATION.as_bytes()].concat(), is(malformed, bad_json)),
        // The profile's body has no `phone`: an unknown field's string is skipped, not
        // decoded, and the missing `professional_group` is what the profile refuses.
        ("invalid UTF-8 in a string".into(), b"{\"phone\":\"\xff\xfe\",\"email\":\"a\",\"organisations\":[]}".to_vec(), is(malformed, bad_json)),
        ("invalid UTF-8 outside strings".into(), b"\xc3\x28".to_vec(), is(malformed, bad_json)),
        ("overlong UTF-8".into(), b"{\"phone\":\"\xc0\xaf\"}".to_vec(), is(malformed, bad_json)),
        ("lone surrogate escape".into(), br#"{"phone":"\ud800","email":"a","organisations":[]}"#.to_vec(), is(malformed, bad_json)),
        ("NUL byte".into(), b"{\"phone\":\"\0\"}".to_vec(), is(malformed, bad_json)),
        ("deep arrays (8,000)".into(), deep(8_000).into_bytes(), is(malformed, bad_body)),
        ("deep objects in an unknown field (2,500)".into(), deep_object(2_500).into_bytes(), is(malformed, bad_body)),
        ("deep arrays in an unknown field (130)".into(), format!("{{\"x\":{}}}", deep(130)).into_bytes(), is(malformed, bad_body)),
        ("null".into(), b"null".to_vec(), is(malformed, bad_body)),
        ("a number".into(), b"123".to_vec(), is(malformed, bad_body)),
        ("a string".into(), br#""phone""#.to_vec(), is(malformed, bad_body)),
        ("true".into(), b"true".to_vec(), is(malformed, bad_body)),
        ("an empty array".into(), b"[]".to_vec(), is(malformed, bad_body)),
        ("an empty object".into(), b"{}".to_vec(), is(malformed, bad_body)),
        ("numbers for strings".into(), br#"{"phone":401234567,"email":1,"organisations":[],"professional_group":1}"#.to_vec(), is(malformed, bad_body)),
        ("null fields".into(), br#"{"phone":null,"email":null,"organisations":null,"professional_group":null}"#.to_vec(), is(malformed, bad_body)),
        ("a string for the list".into(), br#"{"phone":"1","email":"a","organisations":"organisation:HUS","professional_group":[]}"#.to_vec(), is(malformed, bad_body)),
        ("numbers in the list".into(), br#"{"phone":"1","email":"a","organisations":[1,2],"professional_group":{}}"#.to_vec(), is(malformed, bad_body)),
        ("a huge number".into(), format!("{{\"phone\":1{}}}", "0".repeat(400)).into_bytes(), is(malformed, bad_body)),
    ];
    for (method, path) in json_endpoints.clone() {
        for (name, body, expect) in &body_rows {
            let expect = match (path == api::PROFILE, name.as_str()) {
                (
                    true,
                    "invalid UTF-8 in a string" | "overlong UTF-8" | "lone surrogate escape",
                ) => is(malformed, bad_body),
                // A number out of range where a string is expected: serde_json reads the
                // number first (a syntax error); the profile skips the unknown `phone`.
                (false, "a huge number") => is(malformed, bad_json),
                _ => expect.clone(),
            };
            rows.push(
                row(
                    format!("{method} {path}: {name}"),
                    method.clone(),
                    path,
                    expect,
                )
                .json(body.clone()),
            );
        }
        let valid = if path == api::REGISTRATION {
            VALID_REGISTRATION.to_owned()
        } else {
            valid_profile()
        };
        for cut in [
            1,
            2,
            valid.len() / 3,
            valid.len() / 2,
            valid.len() - 2,
            valid.len() - 1,
        ] {
            rows.push(
                row(
                    format!("{method} {path}: truncated at {cut}"),
                    method.clone(),
                    path,
                    is(malformed, bad_json),
                )
                .json(truncate(&valid, cut)),
            );
        }
        // The 16 KB body limit ± 1 (whitespace-padded valid JSON), and far beyond.
        let padded = |length: usize| format!("{valid}{}", " ".repeat(length - valid.len()));
        rows.push(
            row(
                format!("{method} {path}: body of 16,383 bytes"),
                method.clone(),
                path,
                is(401, unauthenticated),
            )
            .json(padded(16_383)),
        );
        rows.push(
            row(
                format!("{method} {path}: body of 16,384 bytes"),
                method.clone(),
                path,
                is(401, unauthenticated),
            )
            .json(padded(16_384)),
        );
        rows.push(
            row(
                format!("{method} {path}: body of 16,385 bytes"),
                method.clone(),
                path,
                is(413, Some("payload_too_large")),
            )
            .json(padded(16_385)),
        );
        rows.push(
            row(
                format!("{method} {path}: body of 4 MB"),
                method.clone(),
                path,
                is(413, Some("payload_too_large")).may_close(),
            )
            .json(padded(4 << 20)),
        );
        rows.push(
            row(
                format!("{method} {path}: extra unknown fields"),
                method.clone(),
                path,
                is(401, unauthenticated),
            )
            .json(valid.replacen('{', r#"{"is_admin":true,"account_key":"x","#, 1)),
        );
        // Content types.
        for (content_type, expect) in [
            (None, is(415, Some("unsupported_media_type"))),
            (Some("text/plain"), is(415, Some("unsupported_media_type"))),
            (
                Some("application/x-www-form-urlencoded"),
                is(415, Some("unsupported_media_type")),
            ),
            (
                Some("multipart/form-data; boundary=x"),
                is(415, Some("unsupported_media_type")),
            ),
            (
                Some("application/jsonx"),
                is(415, Some("unsupported_media_type")),
            ),
            (Some("json"), is(415, Some("unsupported_media_type"))),
            (
                Some("application/json; charset=utf-8"),
                is(401, unauthenticated),
            ),
            (Some("application/problem+json"), is(401, unauthenticated)),
        ] {
            rows.push(
                row(
                    format!("{method} {path}: content type {content_type:?}"),
                    method.clone(),
                    path,
                    expect,
                )
                .body(content_type, valid.clone()),
            );
        }
        // CSRF: the header and the Origin.
        let app = |name: &str, expect: Expect| {
            row(
                format!("{method} {path}: {name}"),
                method.clone(),
                path,
                expect,
            )
            .json(valid.clone())
        };
        rows.push(app("no CSRF header, no Origin", is(403, csrf)).not_as_the_app());
        rows.push(
            app("no CSRF header, own Origin", is(403, csrf))
                .not_as_the_app()
                .header("origin", format!("http://127.0.0.1:{port}")),
        );
        rows.push(
            app("CSRF header, no Origin", is(401, unauthenticated))
                .not_as_the_app()
                .header(CSRF_HEADER, "1"),
        );
        // One foreign or malformed Origin with the CSRF header: refused.
        let foreign_origins: [(&str, Vec<u8>); 7] = [
            (
                "CSRF header, foreign Origin",
                b"http://evil.example".to_vec(),
            ),
            ("CSRF header, Origin null", b"null".to_vec()),
            (
                "CSRF header, Origin with a lookalike host",
                format!("http://127.0.0.1:{port}.evil.example").into_bytes(),
            ),
            (
                "CSRF header, Origin with a path",
                format!("http://127.0.0.1:{port}/").into_bytes(),
            ),
            (
                "CSRF header, Origin with another port",
                b"http://127.0.0.1:1".to_vec(),
            ),
            (
                "CSRF header, Origin with invalid UTF-8",
                b"http://\xff".to_vec(),
            ),
            (
                "CSRF header, Origin https with this host",
                format!("https://127.0.0.1:{port}").into_bytes(),
            ),
        ];
        for (name, origin) in foreign_origins {
            rows.push(
                app(name, is(403, csrf))
                    .not_as_the_app()
                    .header(CSRF_HEADER, "1")
                    .header("origin", origin),
            );
        }
        rows.push(
            app(
                "CSRF header, the designers' trunk serve Origin",
                is(401, unauthenticated),
            )
            .not_as_the_app()
            .header(CSRF_HEADER, "1")
            .header("origin", "http://127.0.0.1:8081"),
        );
        // Rows the CSRF work changes: exact scheme/host/port against the public URL, several
        // Origin headers refused, an empty CSRF header refused.
        rows.push(
            app("CSRF header, two Origins (own first)", is(403, csrf))
                .not_as_the_app()
                .header(CSRF_HEADER, "1")
                .header("origin", format!("http://127.0.0.1:{port}"))
                .header("origin", "http://evil.example"),
        );
        rows.push(
            app("CSRF header, two Origins (foreign first)", is(403, csrf))
                .not_as_the_app()
                .header(CSRF_HEADER, "1")
                .header("origin", "http://evil.example")
                .header("origin", format!("http://127.0.0.1:{port}")),
        );
        rows.push(
            app("empty CSRF header, own Origin", is(403, csrf))
                .not_as_the_app()
                .header(CSRF_HEADER, "")
                .header("origin", format!("http://127.0.0.1:{port}")),
        );
        rows.push(
            app("forged Host and matching Origin", is(403, csrf))
                .not_as_the_app()
                .header(CSRF_HEADER, "1")
                .header("host", "evil.example")
                .header("origin", "http://evil.example"),
        );
        // Cookies.
        for (who, name) in [
            (Who::Forged, "forged"),
            (Who::Stale, "signed-out"),
            (Who::Garbage, "garbage"),
        ] {
            rows.push(app(&format!("{name} session cookie"), is(401, unauthenticated)).by(who));
        }
        rows.push(
            app("a 64 KB cookie", is(401, unauthenticated))
                .header("cookie", format!("mtt_session={}", "A".repeat(64 << 10))),
        );
        rows.push(
            app(
                "two session cookies (forged first)",
                is(401, unauthenticated),
            )
            .header(
                "cookie",
                "mtt_session=AAAAAAAAAAAAAAAAAAAAAA; mtt_session=BBBBBBBBBBBBBBBBBBBBBB",
            ),
        );
    }

    // --- Values that break the domain's rules: a signed-in user who is registered (and
    // profiled), so the answer is 422 and nothing changes.
    let injection = [
        "' OR 1=1 --",
        "1; DROP TABLE registrations; --",
        "<script>alert(1)</script>",
        "${jndi:ldap://evil.example/a}",
        "../../../../etc/passwd",
        "{{7*7}}",
        "\u{202e}evil",
        "%00",
        "",
        "   ",
    ];
    let good_organisations = organisations(2);
    for value in injection {
        // An empty county is "not selected", which is valid.
        let county_is_valid = value.trim().is_empty();
        rows.push(
            row(
                format!("PUT registration: phone {value:?}"),
                M::PUT,
                api::REGISTRATION,
                is(422, invalid),
            )
            .by(Who::Keeper)
            .json(registration(
                value,
                "maija@esimerkki.fi",
                &good_organisations,
            )),
        );
        rows.push(
            row(
                format!("PUT registration: email {value:?}"),
                M::PUT,
                api::REGISTRATION,
                is(422, invalid),
            )
            .by(Who::Keeper)
            .json(registration("040 123 4567", value, &good_organisations)),
        );
        rows.push(
            row(
                format!("PUT registration: organisation {value:?}"),
                M::PUT,
                api::REGISTRATION,
                is(422, invalid),
            )
            .by(Who::Keeper)
            .json(registration(
                "040 123 4567",
                "maija@esimerkki.fi",
                &[value.to_owned()],
            )),
        );
        rows.push(
            row(
                format!("PUT profile: group {value:?}"),
                M::PUT,
                api::PROFILE,
                is(422, invalid),
            )
            .by(Who::Keeper)
            .json(serde_json::json!({"professional_group": value}).to_string()),
        );
        if county_is_valid {
            continue;
        }
        rows.push(row(format!("PUT profile: county {value:?}"), M::PUT, api::PROFILE, is(422, invalid)).by(Who::Keeper).json(serde_json::json!({"professional_group": domain::profession::ProfessionalGroup::ALL[0].code(), "wellbeing_county": value}).to_string()));
    }
    // Unknown codes.
    for code in [
        "organisation:XYZ",
        "organisation:",
        "county:99",
        "county:08",
        "municipality:000",
        "municipality:91",
        "region:01",
        "ORGANISATION:HUS",
        "organisation:H\u{00dc}S",
    ] {
        rows.push(
            row(
                format!("PUT registration: unknown code {code}"),
                M::PUT,
                api::REGISTRATION,
                is(422, invalid),
            )
            .by(Who::Keeper)
            .json(registration(
                "040 123 4567",
                "maija@esimerkki.fi",
                &[code.to_owned()],
            )),
        );
    }
    rows.push(
        row(
            "PUT registration: a code in lower case (accepted)",
            M::PUT,
            api::REGISTRATION,
            is(200, None),
        )
        .by(Who::Editor)
        .json(registration(
            "040 123 4567",
            "a@esimerkki.fi",
            &["organisation:hus".to_owned()],
        )),
    );
    // Limits ± 1: cooperation organisations 0/1/20/21 and duplicates; e-mail 254/255.
    let editor_put = |name: String, expect: Expect, body: String| {
        row(name, M::PUT, api::REGISTRATION, expect)
            .by(Who::Editor)
            .json(body)
    };
    rows.push(editor_put(
        "PUT registration: no organisations".into(),
        is(422, invalid),
        registration("040 123 4567", "a@esimerkki.fi", &[]),
    ));
    rows.push(editor_put(
        "PUT registration: 1 organisation".into(),
        is(200, None),
        registration("040 123 4567", "a@esimerkki.fi", &organisations(1)),
    ));
    rows.push(editor_put(
        "PUT registration: 20 organisations".into(),
        is(200, None),
        registration("040 123 4567", "a@esimerkki.fi", &organisations(20)),
    ));
    rows.push(editor_put(
        "PUT registration: 21 organisations".into(),
        is(422, invalid),
        registration("040 123 4567", "a@esimerkki.fi", &organisations(21)),
    ));
    rows.push(editor_put(
        "PUT registration: 1,000 organisations".into(),
        is(422, invalid),
        registration("040 123 4567", "a@esimerkki.fi", &organisations(1000)),
    ));
    rows.push(editor_put(
        "PUT registration: a duplicate organisation".into(),
        is(422, invalid),
        registration(
            "040 123 4567",
            "a@esimerkki.fi",
            &["organisation:HUS".into(), "organisation:HUS".into()],
        ),
    ));
    rows.push(editor_put(
        "PUT registration: e-mail of 254 characters".into(),
        is(200, None),
        registration("040 123 4567", &email_of_length(254), &organisations(1)),
    ));
    rows.push(editor_put(
        "PUT registration: e-mail of 255 characters".into(),
        is(422, invalid),
        registration("040 123 4567", &email_of_length(255), &organisations(1)),
    ));
    rows.push(editor_put(
        "PUT registration: phone of 1,000 digits".into(),
        is(422, invalid),
        registration(&"4".repeat(1000), "a@esimerkki.fi", &organisations(1)),
    ));
    // The flow's own refusals.
    rows.push(
        row(
            "POST registration: registered already",
            M::POST,
            api::REGISTRATION,
            is(409, Some("already_registered")),
        )
        .by(Who::Keeper)
        .json(VALID_REGISTRATION),
    );
    rows.push(
        row(
            "POST profile: profiled already",
            M::POST,
            api::PROFILE,
            is(409, Some("already_exists")),
        )
        .by(Who::Keeper)
        .json(valid_profile()),
    );
    rows.push(
        row(
            "POST profile: not registered",
            M::POST,
            api::PROFILE,
            is(409, Some("registration_required")),
        )
        .by(Who::Fresh)
        .json(valid_profile()),
    );
    rows.push(
        row(
            "PUT registration: not registered",
            M::PUT,
            api::REGISTRATION,
            is(404, Some("registration_not_found")),
        )
        .by(Who::Fresh)
        .json(VALID_REGISTRATION),
    );
    rows.push(
        row(
            "PUT profile: no profile",
            M::PUT,
            api::PROFILE,
            is(404, Some("profile_not_found")),
        )
        .by(Who::Fresh)
        .json(valid_profile()),
    );

    // --- The GET endpoints, by everyone.
    let everyone = [
        Who::Anonymous,
        Who::Keeper,
        Who::Fresh,
        Who::Forged,
        Who::Stale,
        Who::Garbage,
    ];
    for who in everyone {
        let signed_in = matches!(who, Who::Keeper | Who::Fresh);
        rows.push(
            row(
                format!("GET health as {who:?}"),
                M::GET,
                api::HEALTH,
                is(200, None),
            )
            .by(who),
        );
        rows.push(
            row(
                format!("GET reference as {who:?}"),
                M::GET,
                api::REFERENCE,
                is(200, None),
            )
            .by(who),
        );
        rows.push(
            row(
                format!("GET openapi as {who:?}"),
                M::GET,
                api::OPENAPI,
                is(200, None),
            )
            .by(who),
        );
        rows.push(
            row(
                format!("GET session as {who:?}"),
                M::GET,
                api::SESSION,
                if signed_in {
                    is(200, None)
                } else {
                    is(401, unauthenticated)
                },
            )
            .by(who),
        );
        rows.push(
            row(
                format!("GET content as {who:?}"),
                M::GET,
                api::CONTENT,
                match who {
                    Who::Keeper => is(200, None),
                    Who::Fresh => is(409, Some("profile_required")),
                    _ => is(401, unauthenticated),
                },
            )
            .by(who),
        );
        rows.push(
            row(
                format!("POST sign-out as {who:?} from another site"),
                M::POST,
                api::SIGN_OUT,
                is(403, csrf),
            )
            .by(who)
            .not_as_the_app()
            .header("origin", "http://evil.example"),
        );
    }
    rows.push(row(
        "POST sign-out, nobody signed in",
        M::POST,
        api::SIGN_OUT,
        is(204, None),
    ));
    rows.push(
        row(
            "POST sign-out with a forged cookie",
            M::POST,
            api::SIGN_OUT,
            is(204, None),
        )
        .by(Who::Forged),
    );
    // Queries.
    for (query, expect) in [
        ("", is(200, None)),
        ("?organisation=HUS", is(200, None)),
        ("?organisation=hus", is(200, None)),
        ("?organisation=NOPE", is(422, invalid)),
        ("?organisation=%27%20OR%201%3D1--", is(422, invalid)),
        ("?organisation=%C3%28", is(422, invalid)),
        ("?organisation=%FF%FE", is(422, invalid)),
        (
            "?organisation=HUS&organisation=OYS",
            is(400, Some("bad_request")),
        ),
        ("?organisation[]=HUS", is(200, None)),
        ("?%%%", is(200, None)),
    ] {
        rows.push(row(
            format!("GET sign-in-method{query}"),
            M::GET,
            format!("{}{query}", api::SIGN_IN_METHOD),
            expect,
        ));
    }
    rows.push(row(
        "GET sign-in-method with a 6 KB query",
        M::GET,
        format!(
            "{}?organisation={}",
            api::SIGN_IN_METHOD,
            "A".repeat(6 << 10)
        ),
        is(422, invalid),
    ));
    // Wrong methods and unknown paths.
    for (method, path) in [
        (M::DELETE, api::REGISTRATION),
        (M::PATCH, api::PROFILE),
        (M::PUT, api::SESSION),
        (M::DELETE, api::SESSION),
        (M::POST, api::HEALTH),
        (M::POST, api::CONTENT),
        (M::PUT, api::OPENAPI),
        (M::POST, api::REFERENCE),
        (M::GET, api::SIGN_OUT),
        (M::GET, api::REGISTRATION),
        (M::GET, api::PROFILE),
    ] {
        let safe = method == M::GET;
        rows.push(
            row(
                format!("{method} {path} (no such method)"),
                method.clone(),
                path,
                is(405, None),
            )
            .by(Who::Keeper),
        );
        if !safe {
            rows.push(
                row(
                    format!("{method} {path} from another site"),
                    method.clone(),
                    path,
                    is(403, csrf),
                )
                .by(Who::Keeper)
                .not_as_the_app(),
            );
        }
    }
    for path in [
        "/api/nope",
        "/api/registration/1",
        "/api/session%00",
        "/api/SESSION",
        "/api//session",
        "/api/session/",
        "/api/session;x",
    ] {
        rows.push(row(
            format!("GET {path}"),
            M::GET,
            path,
            is(404, Some("not_found")),
        ));
    }
    // Dot segments never reach the server: the client resolves them (as browsers do).
    rows.push(row(
        "GET /api/../api/session",
        M::GET,
        "/api/../api/session",
        is(401, unauthenticated),
    ));
    rows.push(row(
        "GET /api/%2e%2e/etc/passwd (the app's fallback)",
        M::GET,
        "/api/%2e%2e/etc/passwd",
        is(200, None),
    ));
    rows.push(row(
        "GET an asset that does not exist",
        M::GET,
        "/app-ffff.js",
        is(404, None),
    ));
    rows.push(row(
        "GET ../ out of dist",
        M::GET,
        "/..%2f..%2fetc%2fpasswd.txt",
        is(404, None),
    ));

    // --- Sign-in: unknown providers and identities, and every return_to.
    for (provider, expect) in [
        ("suomifi", is(303, None).local_redirect()),
        ("organisation:HUS", is(303, None).local_redirect()),
        ("organisation:NOPE", is(400, Some("unknown_provider"))),
        ("organisation:", is(400, Some("unknown_provider"))),
        ("county:01", is(400, Some("unknown_provider"))),
        ("%FF", is(400, Some("unknown_provider"))),
        ("https://evil.example", is(400, Some("unknown_provider"))),
    ] {
        rows.push(row(
            format!("GET /auth/start?provider={provider}"),
            M::GET,
            format!("{}?provider={provider}", paths::auth::START),
            expect,
        ));
    }
    // Query rejections answered by axum in plain text today; coded JSON with the /auth work.
    rows.push(row(
        "GET /auth/start without a provider",
        M::GET,
        paths::auth::START,
        is(400, Some("bad_request")),
    ));
    rows.push(row(
        "POST /auth/start",
        M::POST,
        paths::auth::START,
        is(405, None),
    ));
    rows.push(
        row(
            "POST /auth/dev: unknown identity",
            M::POST,
            paths::auth::DEV,
            is(400, Some("bad_request")),
        )
        .body(
            Some("application/x-www-form-urlencoded"),
            "identity=nobody&return_to=/",
        )
        .header("origin", format!("http://127.0.0.1:{port}")),
    );
    rows.push(
        row(
            "POST /auth/dev: no identity",
            M::POST,
            paths::auth::DEV,
            is(400, Some("bad_request")),
        )
        .body(Some("application/x-www-form-urlencoded"), "return_to=/")
        .header("origin", format!("http://127.0.0.1:{port}")),
    );
    rows.push(
        row(
            "POST /auth/dev: JSON instead of a form",
            M::POST,
            paths::auth::DEV,
            // The sign-in form refuses what is no form as it refuses a broken form.
            is(400, Some("bad_request")),
        )
        .json(r#"{"identity":"hus"}"#)
        .header("origin", format!("http://127.0.0.1:{port}")),
    );
    rows.push(
        row(
            "POST /auth/dev from another site",
            M::POST,
            paths::auth::DEV,
            is(403, csrf),
        )
        .body(
            Some("application/x-www-form-urlencoded"),
            "identity=hus&return_to=/",
        )
        .not_as_the_app()
        .header("origin", "http://evil.example"),
    );
    rows.push(
        row(
            "POST /auth/dev with Origin null",
            M::POST,
            paths::auth::DEV,
            is(403, csrf),
        )
        .body(
            Some("application/x-www-form-urlencoded"),
            "identity=hus&return_to=/",
        )
        .not_as_the_app()
        .header("origin", "null"),
    );
    rows.push(
        row(
            "POST /auth/dev: invalid UTF-8 in the form",
            M::POST,
            paths::auth::DEV,
            is(400, Some("bad_request")),
        )
        .body(
            Some("application/x-www-form-urlencoded"),
            b"identity=\xff\xfe&return_to=/".to_vec(),
        )
        .header("origin", format!("http://127.0.0.1:{port}")),
    );
    for (query, expect) in [
        ("", is(303, None).local_redirect()),
        ("?state=x&code=y", is(303, None).local_redirect()),
        ("?error=access_denied", is(303, None).local_redirect()),
        (
            "?error=%3Cscript%3E",
            is(303, None).local_redirect().lacks("<script>"),
        ),
        ("?state=%FF&code=%00", is(303, None).local_redirect()),
        ("?code=1&code=2", is(400, Some("bad_request"))),
    ] {
        rows.push(row(
            format!("GET /auth/callback{query}"),
            M::GET,
            format!("{}{query}", paths::auth::CALLBACK),
            expect,
        ));
    }
    let open_redirects = [
        "https://evil.example/",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "%2F%2Fevil.example",
        "/%09/evil.example",
        "%09//evil.example",
        "%20//evil.example",
        "http:evil.example",
        "javascript:alert(1)",
        "data:text/html,evil.example",
        "/%0d%0aLocation:%20http://evil.example",
        "evil.example",
    ];
    for target in open_redirects {
        let lacks = if target.starts_with("/%0d") {
            "\r"
        } else {
            "evil.example"
        };
        rows.push(row(
            format!("GET /auth/start return_to={target}"),
            M::GET,
            format!("{}?provider=suomifi&return_to={target}", paths::auth::START),
            is(303, None).local_redirect().lacks(lacks),
        ));
        rows.push(row(
            format!("GET /auth/dev return_to={target}"),
            M::GET,
            format!("{}?return_to={target}", paths::auth::DEV),
            is(200, None).lacks(lacks),
        ));
        rows.push(
            row(
                format!("POST /auth/dev return_to={target}"),
                M::POST,
                paths::auth::DEV,
                is(303, None).local_redirect().lacks(lacks),
            )
            .body(
                Some("application/x-www-form-urlencoded"),
                format!("identity=hus&return_to={target}"),
            )
            .header("origin", format!("http://127.0.0.1:{port}")),
        );
        // The app's identification step reads return_to itself; the server only serves it.
        rows.push(row(
            format!("GET {} return_to={target}", paths::IDENTIFICATION),
            M::GET,
            format!("{}?return_to={target}", paths::IDENTIFICATION),
            is(200, None),
        ));
    }
    rows
}

/// What one row got.
struct Outcome {
    status: u16,
    code: Option<String>,
    location: Option<String>,
    text: String,
}

async fn send(
    client: &Client,
    base_url: &str,
    port: u16,
    cookies: &Cookies,
    row: &Row,
) -> Result<Outcome, String> {
    let mut request = client.request(row.method.clone(), format!("{base_url}{}", row.path));
    if row.as_the_app {
        request = request.header(CSRF_HEADER, "1");
        // The row's own Origin replaces this server's (two would be refused as such).
        if !row
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("origin"))
        {
            request = request.header("origin", format!("http://127.0.0.1:{port}"));
        }
    }
    if let Some(content_type) = row.content_type {
        request = request.header("content-type", content_type);
    }
    let cookie = match row.who {
        Who::Anonymous => None,
        Who::Keeper => Some(cookies.keeper.clone()),
        Who::Editor => Some(cookies.editor.clone()),
        Who::Fresh => Some(cookies.fresh.clone()),
        Who::Forged => Some(format!("{}=AAAAAAAAAAAAAAAAAAAAAA", harness::COOKIE)),
        Who::Stale => Some(cookies.stale.clone()),
        Who::Garbage => Some(format!("{}=%%%<>\"';", harness::COOKIE)),
    };
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let mut built = request
        .body(row.body.clone())
        .build()
        .map_err(|error| error.to_string())?;
    for (name, value) in &row.headers {
        let value =
            HeaderValue::from_bytes(value).map_err(|error| format!("{}: {error}", row.name))?;
        built.headers_mut().append(*name, value);
    }
    let answer = client
        .execute(built)
        .await
        .map_err(|error| format!("{}: {error}", row.name))?;
    let status = answer.status().as_u16();
    let location = answer
        .headers()
        .get("location")
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let bytes = answer
        .bytes()
        .await
        .map_err(|error| format!("{}: {error}", row.name))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let code = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|json| json["code"].as_str().map(str::to_owned));
    Ok(Outcome {
        status,
        code,
        location,
        text,
    })
}

/// Whether `outcome` is what `expect` asks.
fn verdict(expect: &Expect, outcome: &Outcome) -> Result<(), String> {
    let matches = outcome.status == expect.status
        && expect
            .code
            .is_none_or(|code| outcome.code.as_deref() == Some(code));
    if !matches {
        return Err(format!(
            "got {} {:?}, expected {} {:?}",
            outcome.status, outcome.code, expect.status, expect.code,
        ));
    }
    if expect.local_redirect {
        let location = outcome.location.as_deref().unwrap_or("");
        let local =
            location.starts_with('/') && !location.starts_with("//") && !location.contains('\\');
        if !local {
            return Err(format!("redirects off the site: {location:?}"));
        }
    }
    if let Some(text) = expect.lacks {
        let location = outcome.location.as_deref().unwrap_or("");
        if location.contains(text) || (outcome.status != 303 && outcome.text.contains(text)) {
            return Err(format!(
                "the answer contains {text:?} (Location {location:?})"
            ));
        }
    }
    Ok(())
}

struct Cookies {
    keeper: String,
    editor: String,
    fresh: String,
    stale: String,
}

pub async fn run(server: &std::path::Path, backend: Backend, short: bool) -> Result<bool, String> {
    let scratch = Scratch::new();
    let database = Database::new(backend, scratch.path())?;
    let run_id = std::process::id();
    let subjects: Vec<String> = ["keeper", "editor", "fresh"]
        .iter()
        .map(|who| format!("drill-hostile-{run_id}-{who}"))
        .collect();
    let made = harness::sessions(&database.url, &subjects).await;
    let spec = ServerSpec {
        binary: server.to_owned(),
        port: harness::free_port(),
        database_url: database.url.clone(),
        dist_dir: scratch.path().join("dist"),
        log: scratch.path().join("server.log"),
    };
    let process = spec.start()?;
    let base_url = spec.base_url();
    let client = harness::client();
    let origin = format!("http://127.0.0.1:{}", spec.port);

    // Before the drill: the keeper registers and makes a profile, the editor registers.
    let write = |cookie: &str, method: Method, path: &str, body: String| {
        client
            .request(method, format!("{base_url}{path}"))
            .header("cookie", cookie)
            .header(CSRF_HEADER, "1")
            .header("origin", &origin)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    for (cookie, method, path, body) in [
        (
            &made[0],
            Method::POST,
            api::REGISTRATION,
            VALID_REGISTRATION.to_owned(),
        ),
        (&made[0], Method::POST, api::PROFILE, valid_profile()),
        (
            &made[1],
            Method::POST,
            api::REGISTRATION,
            VALID_REGISTRATION.to_owned(),
        ),
    ] {
        let answer = write(cookie, method, path, body)
            .await
            .map_err(|error| error.to_string())?;
        if answer.status().as_u16() != 201 {
            return Err(format!("setting up: {path} answered {}", answer.status()));
        }
    }
    let session_of = |cookie: &str| {
        let request = client
            .get(format!("{base_url}{}", api::SESSION))
            .header("cookie", cookie);
        async move {
            let answer = request.send().await.map_err(|error| error.to_string())?;
            let bytes = answer.bytes().await.map_err(|error| error.to_string())?;
            let json: serde_json::Value =
                serde_json::from_slice(&bytes).map_err(|error| error.to_string())?;
            Ok::<_, String>((json["registration"].clone(), json["profile"].clone()))
        }
    };
    let before = session_of(&made[0]).await?;
    // A signed-out session, signed in through the development provider's form.
    let signed_in = client
        .post(format!("{base_url}{}", paths::auth::DEV))
        .header("origin", &origin)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("identity=online-bank&return_to=/")
        .send()
        .await
        .map_err(|error| error.to_string())?;
    let stale = signed_in
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .ok_or("the development provider set no cookie")?
        .to_owned();
    client
        .post(format!("{base_url}{}", api::SIGN_OUT))
        .header("cookie", &stale)
        .header(CSRF_HEADER, "1")
        .send()
        .await
        .map_err(|error| error.to_string())?;
    let cookies = Arc::new(Cookies {
        keeper: made[0].clone(),
        editor: made[1].clone(),
        fresh: made[2].clone(),
        stale,
    });

    let rows = Arc::new(table(spec.port));
    // The full drill sends the table 10 times over, 8 requests at a time.
    let rounds = if short { 1 } else { 10 };
    let workers = if short { 1 } else { 8 };
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..workers)
        .map(|_| {
            let (rows, next, cookies, client) =
                (rows.clone(), next.clone(), cookies.clone(), client.clone());
            let (base_url, port) = (base_url.clone(), spec.port);
            tokio::spawn(async move {
                let (mut mismatches, mut server_errors, mut closed) = (Vec::new(), 0usize, 0usize);
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= rows.len() * rounds {
                        break;
                    }
                    let row = &rows[index % rows.len()];
                    // A body far over the limit may leave its connection unusable: it goes
                    // on a connection of its own.
                    let own;
                    let client = if row.expect.may_close {
                        own = harness::client();
                        &own
                    } else {
                        &client
                    };
                    match send(client, &base_url, port, &cookies, row).await {
                        Ok(outcome) => {
                            if outcome.status >= 500 {
                                server_errors += 1;
                            }
                            if let Err(why) = verdict(&row.expect, &outcome) {
                                mismatches.push(format!("{}: {why}", row.name));
                            }
                        }
                        Err(_) if row.expect.may_close => closed += 1,
                        Err(error) => mismatches.push(format!("no answer: {error}")),
                    }
                }
                (mismatches, server_errors, closed)
            })
        })
        .collect();
    let (mut mismatches, mut server_errors, mut closed) = (Vec::new(), 0, 0);
    for task in tasks {
        let (mine, errors, closes) = task.await.map_err(|error| error.to_string())?;
        mismatches.extend(mine);
        server_errors += errors;
        closed += closes;
    }
    let elapsed = started.elapsed();
    mismatches.sort();
    mismatches.dedup();
    for mismatch in &mismatches {
        eprintln!("MISMATCH {mismatch}");
    }
    // Afterwards: healthy, and the keeper's data as it was.
    let healthy = client
        .get(format!("{base_url}{}", api::HEALTH))
        .send()
        .await
        .is_ok_and(|answer| answer.status().as_u16() == 200);
    let after = session_of(&cookies.keeper).await?;
    let unchanged = after == before;
    println!(
        "hostile drill ({}): {} rows ({} distinct) in {:.1} s; {} mismatches, {} 5xx; {closed} \
         refused by closing the connection (bodies far over the limit); afterwards health {}, \
         earlier data {}",
        backend.name(),
        rows.len() * rounds,
        rows.len(),
        elapsed.as_secs_f64(),
        mismatches.len(),
        server_errors,
        if healthy { "200" } else { "NOT 200" },
        if unchanged { "unchanged" } else { "CHANGED" },
    );
    drop(process);
    let passed =
        mismatches.is_empty() && server_errors == 0 && healthy && unchanged && rows.len() >= 300;
    if !passed {
        eprintln!("server log: {}", spec.log.display());
        let _ = scratch.folder.keep();
    }
    Ok(passed)
}
