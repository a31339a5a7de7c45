//! Every row of the account API's table: registration, profile and content, with their
//! successes and their coded failures, through the real router against a real SQLite file.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use server::AppState;
use support::{Answer, send};

async fn new_state() -> (AppState, tempfile::TempDir) {
    support::test_state(|_| {}).await
}

/// Signs in as a test identity of the development provider; returns the session cookie.
async fn sign_in(state: &AppState, identity: &str) -> String {
    let request = support::dev_sign_in(identity, "/", "http://127.0.0.1:8080");
    send(state, request).await.session_cookie()
}

fn json_request(method: &str, uri: &str, cookie: Option<&str>, body: &str) -> Request<Body> {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-mtt-csrf", "1");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

fn registration(phone: &str) -> String {
    json!({
        "phone": phone,
        "email": " Maija@Esimerkki.FI ",
        "organisations": ["organisation:HUS", "municipality:091"],
    })
    .to_string()
}

fn profile(group: &str, county: Option<&str>) -> String {
    json!({"professional_group": group, "wellbeing_county": county}).to_string()
}

#[tokio::test]
async fn registration_is_created_once_normalised_and_then_edited() {
    let (state, _folder) = new_state().await;
    let cookie = sign_in(&state, "hus").await;

    let created = send(
        &state,
        json_request(
            "POST",
            "/api/registration",
            Some(&cookie),
            &registration("040-1234567"),
        ),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(
        created.json(),
        json!({
            "phone": "+358401234567",
            "email": "Maija@esimerkki.fi",
            "organisations": ["organisation:HUS", "municipality:091"],
        })
    );

    let again = send(
        &state,
        json_request(
            "POST",
            "/api/registration",
            Some(&cookie),
            &registration("040-1234567"),
        ),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json(), json!({"code": "already_registered"}));

    let edited = send(
        &state,
        json_request(
            "PUT",
            "/api/registration",
            Some(&cookie),
            &json!({"phone": "+46 8 123 456 78", "email": "m@x.fi", "organisations": ["county:01"]})
                .to_string(),
        ),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK);
    let session = send(&state, get("/api/session", Some(&cookie))).await;
    assert_eq!(
        session.json()["registration"],
        json!({"phone": "+46812345678", "email": "m@x.fi", "organisations": ["county:01"]})
    );
}

#[tokio::test]
async fn invalid_forms_get_422_with_every_fields_code_and_nothing_is_stored() {
    let (state, _folder) = new_state().await;
    let cookie = sign_in(&state, "oys").await;
    let answer = send(
        &state,
        json_request(
            "POST",
            "/api/registration",
            Some(&cookie),
            &json!({"phone": "040", "email": "maija", "organisations": ["organisation:HUS", "organisation:HUS"]})
                .to_string(),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.json(),
        json!({"code": "validation_failed", "errors": {
            "phone": ["too_short"],
            "email": ["missing_at"],
            "organisations": ["duplicate"],
        }})
    );
    let session = send(&state, get("/api/session", Some(&cookie))).await;
    assert_eq!(session.json()["registration"], Value::Null);

    let put = send(
        &state,
        json_request(
            "PUT",
            "/api/registration",
            Some(&cookie),
            &registration("1"),
        ),
    )
    .await;
    assert_eq!(put.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn editing_a_registration_that_does_not_exist_is_404() {
    let (state, _folder) = new_state().await;
    let cookie = sign_in(&state, "tyks").await;
    let answer = send(
        &state,
        json_request(
            "PUT",
            "/api/registration",
            Some(&cookie),
            &registration("0401234567"),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json(), json!({"code": "registration_not_found"}));
}

#[tokio::test]
async fn every_account_route_needs_a_session() {
    let (state, _folder) = new_state().await;
    for (method, uri, body) in [
        ("POST", "/api/registration", registration("0401234567")),
        ("PUT", "/api/registration", registration("0401234567")),
        ("POST", "/api/profile", profile("student", None)),
        ("PUT", "/api/profile", profile("student", None)),
    ] {
        let answer = send(&state, json_request(method, uri, None, &body)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{method} {uri}");
        assert_eq!(answer.json(), json!({"code": "unauthenticated"}));
    }
    let answer = send(&state, get("/api/content", None)).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn malformed_oversized_and_mistyped_bodies_get_coded_4xx_never_500() {
    let (state, _folder) = new_state().await;
    let cookie = sign_in(&state, "pirha").await;
    let malformed = send(
        &state,
        json_request("POST", "/api/registration", Some(&cookie), "{\"phone\": "),
    )
    .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json(), json!({"code": "malformed_json"}));

    let wrong_shape = send(
        &state,
        json_request(
            "POST",
            "/api/registration",
            Some(&cookie),
            "{\"phone\": 40}",
        ),
    )
    .await;
    assert_eq!(wrong_shape.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_shape.json(), json!({"code": "invalid_body"}));

    let huge = format!("{{\"phone\": \"{}\"}}", "0".repeat(64 * 1024));
    let oversized = send(
        &state,
        json_request("POST", "/api/registration", Some(&cookie), &huge),
    )
    .await;
    assert_eq!(oversized.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(oversized.json(), json!({"code": "payload_too_large"}));

    let not_json = send(
        &state,
        Request::post("/api/registration")
            .header(header::COOKIE, &cookie)
            .header("x-mtt-csrf", "1")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from(registration("0401234567")))
            .unwrap(),
    )
    .await;
    assert_eq!(not_json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(not_json.json(), json!({"code": "unsupported_media_type"}));
}

// Guards the one-row rule: two first registrations of one identity racing each other end with
// exactly one stored registration, the other answered 409.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_first_registrations_end_with_exactly_one_row() {
    let (state, _folder) = new_state().await;
    let cookie = sign_in(&state, "soite").await;
    let attempts = (0..8).map(|index| {
        let state = state.clone();
        let cookie = cookie.clone();
        tokio::spawn(async move {
            let body = registration(&format!("040 123 456{index}"));
            send(
                &state,
                json_request("POST", "/api/registration", Some(&cookie), &body),
            )
            .await
            .status
        })
    });
    let mut statuses = Vec::new();
    for attempt in attempts.collect::<Vec<_>>() {
        statuses.push(attempt.await.unwrap());
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|status| **status == StatusCode::CREATED)
            .count(),
        1
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|status| **status == StatusCode::CONFLICT)
            .count(),
        7
    );
    let rows: i64 = state
        .storage
        .read(|connection| {
            Ok(connection.query_row("SELECT count(*) FROM registrations", [], |row| row.get(0))?)
        })
        .await
        .unwrap();
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn profile_needs_a_registration_is_created_once_and_edited() {
    let (state, _folder) = new_state().await;
    let cookie = sign_in(&state, "sote-card").await;

    let early = send(
        &state,
        json_request(
            "POST",
            "/api/profile",
            Some(&cookie),
            &profile("physician", None),
        ),
    )
    .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.json(), json!({"code": "registration_required"}));

    send(
        &state,
        json_request(
            "POST",
            "/api/registration",
            Some(&cookie),
            &registration("0401234567"),
        ),
    )
    .await;
    let missing = send(
        &state,
        json_request(
            "PUT",
            "/api/profile",
            Some(&cookie),
            &profile("physician", None),
        ),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json(), json!({"code": "profile_not_found"}));

    let invalid = send(
        &state,
        json_request(
            "POST",
            "/api/profile",
            Some(&cookie),
            &profile("", Some("91")),
        ),
    )
    .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        invalid.json(),
        json!({"code": "validation_failed", "errors": {"professional_group": ["required"], "wellbeing_county": ["unknown"]}})
    );

    let created = send(
        &state,
        json_request(
            "POST",
            "/api/profile",
            Some(&cookie),
            &profile("physician", Some("90")),
        ),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(
        created.json(),
        json!({"professional_group": "physician", "wellbeing_county": "90"})
    );
    let again = send(
        &state,
        json_request(
            "POST",
            "/api/profile",
            Some(&cookie),
            &profile("physician", None),
        ),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json(), json!({"code": "already_exists"}));

    let edited = send(
        &state,
        json_request(
            "PUT",
            "/api/profile",
            Some(&cookie),
            &profile("student", None),
        ),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK);
    let invalid_edit = send(
        &state,
        json_request(
            "PUT",
            "/api/profile",
            Some(&cookie),
            &profile("surgeon", None),
        ),
    )
    .await;
    assert_eq!(invalid_edit.status, StatusCode::UNPROCESSABLE_ENTITY);
}

fn content_ids(answer: &Answer) -> Vec<String> {
    answer.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn content_is_filtered_by_the_group_on_the_server() {
    let (state, _folder) = new_state().await;
    let physician = sign_in(&state, "hus").await;
    let student = sign_in(&state, "online-bank").await;

    let early = send(&state, get("/api/content", Some(&physician))).await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.json(), json!({"code": "profile_required"}));

    for (cookie, group) in [(&physician, "physician"), (&student, "student")] {
        send(
            &state,
            json_request(
                "POST",
                "/api/registration",
                Some(cookie),
                &registration("0401234567"),
            ),
        )
        .await;
        let made = send(
            &state,
            json_request("POST", "/api/profile", Some(cookie), &profile(group, None)),
        )
        .await;
        assert_eq!(made.status, StatusCode::CREATED);
    }

    let physicians = send(&state, get("/api/content", Some(&physician))).await;
    assert_eq!(physicians.status, StatusCode::OK);
    let students = send(&state, get("/api/content", Some(&student))).await;
    let physician_ids = content_ids(&physicians);
    let student_ids = content_ids(&students);
    assert!(physician_ids.contains(&"medication-follow-up".to_owned()));
    assert!(!student_ids.contains(&"medication-follow-up".to_owned()));
    assert!(student_ids.contains(&"student-introduction".to_owned()));
    assert!(!physician_ids.contains(&"student-introduction".to_owned()));
    // Exactly what the domain's rule gives, nothing more.
    let expected: Vec<String> =
        domain::content::content_for(domain::profession::ProfessionalGroup::Student)
            .map(|item| item.id.to_owned())
            .collect();
    assert_eq!(student_ids, expected);

    // Changing the group changes the list.
    send(
        &state,
        json_request(
            "PUT",
            "/api/profile",
            Some(&student),
            &profile("physician", None),
        ),
    )
    .await;
    let changed = send(&state, get("/api/content", Some(&student))).await;
    assert_eq!(content_ids(&changed), physician_ids);
}
