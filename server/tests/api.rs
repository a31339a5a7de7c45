//! The API and the static files through the real router, against a real SQLite file in a
//! temporary folder, with `oneshot` instead of a socket.

mod support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use server::AppState;
use server::storage::Storage;
use support::Answer;

struct TestServer {
    state: AppState,
    folder: tempfile::TempDir,
}

async fn test_server() -> TestServer {
    let (state, folder) = support::test_state(|_| {}).await;
    TestServer { state, folder }
}

async fn get(server: &TestServer, uri: &str) -> Answer {
    send(server, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn send(server: &TestServer, request: Request<Body>) -> Answer {
    support::send(&server.state, request).await
}

#[tokio::test]
async fn health_answers_ok_with_json() {
    let server = test_server().await;
    let answer = get(&server, "/api/health").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["status"], "ok");
}

#[tokio::test]
async fn first_start_creates_the_database_file_with_its_tables() {
    let server = test_server().await;
    assert!(server.folder.path().join("test.sqlite3").is_file());
    assert_eq!(
        server.state.storage.table_names().await.unwrap(),
        [
            "attachments",
            "audit_log",
            "authorisations",
            "card_contracts",
            "card_orders",
            "contact_confirmations",
            "customer_accounts",
            "invitations",
            "memberships",
            "notice_unreached",
            "notices",
            "officers",
            "outbox",
            "profiles",
            "registrar_application_points",
            "registrar_applications",
            "registrar_contacts",
            "registrars",
            "registration_organisations",
            "registration_points",
            "registrations",
            "service_certificates",
            "sessions"
        ]
    );
    // Opening the same file again applies no migration twice.
    let again = Storage::open(&server.state.config.database_url).await;
    assert!(again.is_ok());
}

#[tokio::test]
async fn reference_lists_the_catalogue() {
    let server = test_server().await;
    let answer = get(&server, "/api/reference").await;
    assert_eq!(answer.status, StatusCode::OK);
    let reference: contract::body::ReferenceResponse = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(reference, contract::body::ReferenceResponse::current());
}

#[tokio::test]
async fn sign_in_method_gives_the_domain_verdict() {
    let server = test_server().await;
    let answer = get(&server, "/api/sign-in-method?organisation=tyks").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["method"], "organisation");
    assert_eq!(answer.json()["organisation"], "TYKS");

    let answer = get(&server, "/api/sign-in-method").await;
    assert_eq!(answer.json()["method"], "personal");

    let answer = get(&server, "/api/sign-in-method?organisation=KYS").await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.json(),
        serde_json::json!({"code": "validation_failed", "errors": {"organisation": ["unknown"]}})
    );
}

// The operator's facts come from the configuration, and in development from the marked
// examples; they are public and the same for everyone, so caches may keep them a while.
#[tokio::test]
async fn operator_answers_the_configured_facts_publicly_cacheable() {
    let server = test_server().await;
    let answer = get(&server, contract::paths::api::OPERATOR).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.headers[header::CACHE_CONTROL],
        "public, max-age=3600"
    );
    assert!(answer.headers.get(header::SET_COOKIE).is_none());
    let facts: contract::body::OperatorResponse = serde_json::from_str(&answer.body).unwrap();
    assert!(facts.examples);
    assert_eq!(
        facts.controller_name,
        server::config::examples::CONTROLLER_NAME
    );
    assert_eq!(
        answer.json()["accessibility_feedback"],
        "saavutettavuus@example.invalid"
    );
    assert_eq!(answer.json()["statement_date"], "2025-06-01");
    assert_eq!(answer.json()["session_idle_minutes"], 30);

    let (configured, _folder) = support::test_state(|config| {
        config.operator.controller_name = Some("Hyvinvointialue X".into());
        config.operator.controller_contact = Some("PL 1, 00001 X".into());
        config.operator.data_protection_officer = Some("tietosuoja@x.example".into());
        config.operator.accessibility_feedback = Some("palaute@x.example".parse().unwrap());
        config.operator.accessibility_statement_date = Some("2025-09-01".parse().unwrap());
        config.operator.accessibility_assessed_date = Some("2025-08-15".parse().unwrap());
        config.session_idle_minutes = 20;
    })
    .await;
    let answer = support::send(
        &configured,
        Request::get(contract::paths::api::OPERATOR)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(
        answer.json(),
        serde_json::json!({
            "controller_name": "Hyvinvointialue X",
            "controller_contact": "PL 1, 00001 X",
            "data_protection_officer": "tietosuoja@x.example",
            "accessibility_feedback": "palaute@x.example",
            "statement_date": "2025-09-01",
            "assessed_date": "2025-08-15",
            "session_idle_minutes": 20,
            "session_absolute_hours": 12,
            "examples": false,
        })
    );
}

#[tokio::test]
async fn unknown_api_paths_are_json_404_not_the_app() {
    let server = test_server().await;
    let answer = get(&server, "/api/no-such-thing").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json(), serde_json::json!({"code": "not_found"}));
}

#[tokio::test]
async fn app_routes_fall_back_to_index_html() {
    let server = test_server().await;
    for uri in [
        "/",
        "/ammattilaiset",
        "/some/deep/link",
        contract::paths::ACCESSIBILITY_STATEMENT,
        contract::paths::PRIVACY_NOTICE,
    ] {
        let answer = get(&server, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert!(answer.body.contains("<title>app</title>"), "{uri}");
        assert_eq!(answer.headers[header::CACHE_CONTROL], "no-cache", "{uri}");
    }
}

// The administration is its own app (SPEC §5): its routes get its page, and nothing else does.
#[tokio::test]
async fn the_administrations_routes_get_its_own_page() {
    let server = test_server().await;
    for uri in [
        "/hallinta",
        "/hallinta/asiakkuudet/7",
        "/hallinta/kutsu?token=abc",
    ] {
        let answer = get(&server, uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert!(answer.body.contains("<title>admin</title>"), "{uri}");
        assert_eq!(answer.headers[header::CACHE_CONTROL], "no-cache", "{uri}");
    }
    for uri in ["/hallintax", "/osio"] {
        assert!(
            get(&server, uri).await.body.contains("<title>app</title>"),
            "{uri}"
        );
    }
    assert_eq!(
        get(&server, "/hallinta/missing-0123.wasm").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn hashed_assets_are_cached_and_missing_files_are_404() {
    let server = test_server().await;
    let answer = get(&server, "/app-0123.js").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer.headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let answer = get(&server, "/missing-4567.wasm").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn browsers_that_accept_brotli_get_the_precompressed_file() {
    let server = test_server().await;
    let request = Request::get("/app-0123.js")
        .header(header::ACCEPT_ENCODING, "gzip, br")
        .body(Body::empty())
        .unwrap();
    let answer = send(&server, request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers[header::CONTENT_ENCODING], "br");
    assert_eq!(answer.body, "brotli bytes");

    let answer = get(&server, "/app-0123.js").await;
    assert_eq!(answer.body, "export {}");
}

// Guards the Content-Security-Policy: the inline loader trunk writes is allowed by its hash,
// never by 'unsafe-inline'; every kind of response carries the headers.
#[tokio::test]
async fn every_response_carries_the_security_headers() {
    use base64::Engine;
    use sha2::Digest;
    let server = test_server().await;
    let loader_hash = base64::engine::general_purpose::STANDARD
        .encode(sha2::Sha256::digest(support::LOADER.as_bytes()));
    let admin_loader_hash = base64::engine::general_purpose::STANDARD
        .encode(sha2::Sha256::digest(support::ADMIN_LOADER.as_bytes()));
    for uri in [
        "/",
        "/some/route",
        "/hallinta/asiakkuudet",
        "/app-0123.js",
        "/api/health",
        "/api/nothing",
        "/missing.css",
    ] {
        let answer = get(&server, uri).await;
        let policy = answer.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(
            policy.contains(&format!("'sha256-{loader_hash}'")),
            "{uri}: {policy}"
        );
        assert!(
            policy.contains(&format!("'sha256-{admin_loader_hash}'")),
            "{uri}: {policy}"
        );
        assert!(policy.contains("'wasm-unsafe-eval'"), "{uri}");
        assert!(policy.contains("frame-ancestors 'none'"), "{uri}");
        assert!(!policy.contains("'unsafe-inline'"), "{uri}");
        assert!(!policy.contains("'unsafe-eval'"), "{uri}");
        assert_eq!(
            answer.headers[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff",
            "{uri}"
        );
        assert_eq!(
            answer.headers[header::REFERRER_POLICY],
            "strict-origin-when-cross-origin",
            "{uri}"
        );
        // Plain-http development: no HSTS.
        assert!(
            !answer
                .headers
                .contains_key(header::STRICT_TRANSPORT_SECURITY),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn production_adds_hsts() {
    let mut server = test_server().await;
    let mut config = (*server.state.config).clone();
    config.production = true;
    server.state.config = Arc::new(config);
    let answer = get(&server, "/api/health").await;
    assert!(
        answer.headers[header::STRICT_TRANSPORT_SECURITY]
            .to_str()
            .unwrap()
            .starts_with("max-age=")
    );
}

/// The paths the `/api` router serves, read from its `Debug` form (axum lists its route table
/// there; it has no other way to list routes). Pinned by the check that it finds some.
fn routed_paths() -> std::collections::BTreeSet<String> {
    let text = format!("{:?}", server::api::router());
    let table = text.split("fallback_router").next().unwrap();
    let paths: std::collections::BTreeSet<String> = table
        .split("RouteId(")
        .skip(1)
        // `RouteId(3): "/path"` in the path table; the other mentions are not followed by
        // a quoted path.
        .filter_map(|entry| {
            let (_, rest) = entry.split_once(')')?;
            rest.strip_prefix(": \"")?.split('"').next()
        })
        .filter(|path| path.starts_with('/'))
        .map(|path| format!("/api{path}"))
        .collect();
    assert!(
        paths.len() >= 5,
        "axum's Debug form of a Router changed; read its routes anew: {table}"
    );
    paths
}

// Guards the OpenAPI document against drift, both ways: the router serves exactly the
// documented paths, and on each of them exactly the documented methods (any other method is
// 405, any other path the JSON 404); and every $ref resolves.
#[tokio::test]
async fn the_openapi_document_matches_the_router() {
    let server = test_server().await;
    let answer = get(&server, "/api/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    let document = answer.json();
    assert_eq!(document["openapi"], "3.1.0");
    let documented_paths: std::collections::BTreeSet<String> = document["paths"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        routed_paths(),
        documented_paths,
        "routed vs documented paths"
    );
    // And the document's paths are the contract's, which the app calls.
    let contract_paths: std::collections::BTreeSet<String> = contract::paths::api::ALL
        .iter()
        .map(|path| path.to_string())
        .collect();
    assert_eq!(
        documented_paths, contract_paths,
        "documented vs contract paths"
    );
    for path in &documented_paths {
        for method in ["get", "post", "put", "patch", "delete"] {
            let documented = document["paths"][path].get(method).is_some();
            // Path parameters filled in: a malformed id is a 404 of its own.
            let request = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(contract::paths::api::with(path, &["1", "1", "1"]))
                .header(contract::CSRF_HEADER, "1")
                .body(Body::empty())
                .unwrap();
            let answer = send(&server, request).await;
            let routed = answer.status != StatusCode::METHOD_NOT_ALLOWED
                && !(answer.status == StatusCode::NOT_FOUND
                    && answer.json()["code"] == "not_found");
            assert_eq!(
                routed, documented,
                "{method} {path}: routed {routed}, documented {documented}"
            );
        }
    }
    let text = document.to_string();
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(
            document["components"]["schemas"].get(name).is_some(),
            "unresolved $ref {name}"
        );
    }
}

// The schemas say exactly what the rules take: enums list their values, limits and formats
// appear, and every refusal's code is one of the contract's.
#[tokio::test]
async fn the_openapi_schemas_are_exact() {
    let server = test_server().await;
    let document = get(&server, "/api/openapi.json").await.json();
    let schemas = &document["components"]["schemas"];
    let organisations = &schemas["CooperationOrganisations"];
    assert_eq!(organisations["minItems"], 1);
    assert_eq!(organisations["maxItems"], 20);
    let codes: Vec<&str> = schemas["ErrorCode"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|code| code.as_str())
        .collect();
    for code in contract::ErrorCode::ALL {
        let name = serde_json::to_value(code).unwrap();
        assert!(codes.contains(&name.as_str().unwrap()), "{name}");
    }
    assert!(
        schemas["ProfessionalGroup"]["enum"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("psychologist"))
    );
    assert!(
        schemas["OrganisationCode"]["enum"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("PÄIJÄTHA"))
    );
    assert_eq!(schemas["PhoneNumber"]["pattern"], "^\\+[1-9][0-9]{7,14}$");
    // Every state-changing operation names the CSRF header and its refusal.
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in ["post", "put", "patch", "delete"] {
            if let Some(operation) = item.get(method) {
                let parameters = operation["parameters"].as_array().unwrap();
                assert!(
                    parameters
                        .iter()
                        .any(|parameter| parameter["name"] == contract::CSRF_HEADER
                            && parameter["in"] == "header"),
                    "{method} {path}"
                );
                for status in ["403", "408", "413"] {
                    assert!(
                        operation["responses"].get(status).is_some(),
                        "{method} {path}: {status}"
                    );
                }
            }
        }
    }
}

// Guards personal answers against caches: every /api answer but the public ones says
// `Cache-Control: no-store`.
#[tokio::test]
async fn personal_answers_are_not_stored_by_caches() {
    let server = test_server().await;
    let client = support::Client::signed_in(&server.state, "hus").await;
    let no_store = |answer: &Answer| {
        answer
            .headers
            .get_all(header::CACHE_CONTROL)
            .iter()
            .any(|value| value == "no-store")
    };
    for path in [
        "/api/session",
        "/api/content",
        "/api/registration",
        "/api/profile",
        "/api/no-such-thing",
    ] {
        let answer = client.get(path).await;
        assert!(no_store(&answer), "{path}: {:?}", answer.headers);
    }
    assert!(no_store(&client.sign_out().await));
    assert!(no_store(&get(&server, "/api/session").await));
    for path in [
        "/api/health",
        "/api/reference",
        "/api/sign-in-method?organisation=HUS",
        "/api/operator",
        "/api/openapi.json",
    ] {
        let answer = get(&server, path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert!(!no_store(&answer), "{path}");
    }
}

// The statuses the document names for each refusal are the contract's: a response whose
// description names codes (`already_registered`) has the status `ErrorCode::status` gives them,
// so the annotations cannot drift from the one place statuses are decided.
#[tokio::test]
async fn the_documented_statuses_are_the_contracts() {
    let server = test_server().await;
    let document = get(&server, "/api/openapi.json").await.json();
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let Some(responses) = operation["responses"].as_object() else {
                continue;
            };
            for (status, response) in responses {
                let description = response["description"].as_str().unwrap_or_default();
                for name in description.split('`').skip(1).step_by(2) {
                    let code = contract::ErrorCode::from_name(name);
                    if code == contract::ErrorCode::Unknown {
                        continue;
                    }
                    assert_eq!(
                        status,
                        &code.status().to_string(),
                        "{method} {path}: `{name}` is documented under {status}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} documented codes found");
}

// A wrong method is refused with a coded body, like every other refusal.
#[tokio::test]
async fn a_wrong_method_is_a_coded_405() {
    let server = test_server().await;
    let request = Request::builder()
        .method("DELETE")
        .uri(contract::paths::api::HEALTH)
        .header(contract::CSRF_HEADER, "1")
        .body(Body::empty())
        .unwrap();
    let answer = send(&server, request).await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(answer.json()["code"], "method_not_allowed");
}
