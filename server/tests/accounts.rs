//! Every row of the account API's table: registration, profile and content, with their
//! successes and their coded failures, through the real router against a real SQLite file.

mod support;

use axum::http::{Method, StatusCode};
use contract::paths::api;
use domain::registration::{ProfileInput, RegistrationInput};
use serde_json::{Value, json};
use server::AppState;
use support::{Answer, Client};

async fn new_state() -> (AppState, tempfile::TempDir) {
    support::test_state(|_| {}).await
}

fn registration(phone: &str) -> RegistrationInput {
    RegistrationInput {
        phone: phone.to_owned(),
        email: " Maija@Esimerkki.FI ".to_owned(),
        organisations: vec!["organisation:HUS".to_owned(), "municipality:091".to_owned()],
    }
}

fn profile(group: &str, county: Option<&str>) -> ProfileInput {
    ProfileInput {
        professional_group: group.to_owned(),
        wellbeing_county: county.map(str::to_owned),
    }
}

#[tokio::test]
async fn registration_is_created_once_normalised_and_then_edited() {
    let (state, _folder) = new_state().await;
    let client = Client::signed_in(&state, "hus").await;

    let created = client.post_registration(&registration("040-1234567")).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(
        created.json(),
        json!({
            "phone": "+358401234567",
            "email": "Maija@esimerkki.fi",
            "organisations": ["organisation:HUS", "municipality:091"],
        })
    );

    let again = client.post_registration(&registration("040-1234567")).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json(), json!({"code": "already_registered"}));

    let edited = client
        .put_registration(&RegistrationInput {
            phone: "+46 8 123 456 78".to_owned(),
            email: "m@x.fi".to_owned(),
            organisations: vec!["county:01".to_owned()],
        })
        .await;
    assert_eq!(edited.status, StatusCode::OK);
    assert_eq!(
        client.session().await.json()["registration"],
        json!({"phone": "+46812345678", "email": "m@x.fi", "organisations": ["county:01"]})
    );
}

#[tokio::test]
async fn invalid_forms_get_422_with_every_fields_code_and_nothing_is_stored() {
    let (state, _folder) = new_state().await;
    let client = Client::signed_in(&state, "oys").await;
    let answer = client
        .post_registration(&RegistrationInput {
            phone: "040".to_owned(),
            email: "maija".to_owned(),
            organisations: vec!["organisation:HUS".to_owned(), "organisation:HUS".to_owned()],
        })
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
    assert_eq!(client.session().await.json()["registration"], Value::Null);

    let put = client.put_registration(&registration("1")).await;
    assert_eq!(put.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn editing_a_registration_that_does_not_exist_is_404() {
    let (state, _folder) = new_state().await;
    let client = Client::signed_in(&state, "tyks").await;
    let answer = client.put_registration(&registration("0401234567")).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json(), json!({"code": "registration_not_found"}));
}

#[tokio::test]
async fn every_account_route_needs_a_session() {
    let (state, _folder) = new_state().await;
    let nobody = Client::new(&state);
    let answers = [
        (
            "POST /api/registration",
            nobody.post_registration(&registration("0401234567")).await,
        ),
        (
            "PUT /api/registration",
            nobody.put_registration(&registration("0401234567")).await,
        ),
        (
            "POST /api/profile",
            nobody.post_profile(&profile("student", None)).await,
        ),
        (
            "PUT /api/profile",
            nobody.put_profile(&profile("student", None)).await,
        ),
    ];
    for (route, answer) in answers {
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{route}");
        assert_eq!(answer.json(), json!({"code": "unauthenticated"}));
    }
    assert_eq!(nobody.content().await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn malformed_oversized_and_mistyped_bodies_get_coded_4xx_never_500() {
    let (state, _folder) = new_state().await;
    let client = Client::signed_in(&state, "pirha").await;
    let post = |content_type: &'static str, body: String| {
        client.send_body(Method::POST, api::REGISTRATION, Some(content_type), body)
    };
    let malformed = post("application/json", "{\"phone\": ".to_owned()).await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json(), json!({"code": "malformed_json"}));

    let wrong_shape = post("application/json", "{\"phone\": 40}".to_owned()).await;
    assert_eq!(wrong_shape.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_shape.json(), json!({"code": "invalid_body"}));

    let huge = format!("{{\"phone\": \"{}\"}}", "0".repeat(64 * 1024));
    let oversized = post("application/json", huge).await;
    assert_eq!(oversized.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(oversized.json(), json!({"code": "payload_too_large"}));

    let form = serde_json::to_string(&registration("0401234567")).unwrap();
    let not_json = post("text/plain", form).await;
    assert_eq!(not_json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(not_json.json(), json!({"code": "unsupported_media_type"}));
}

// Guards the one-row rule: two first registrations of one identity racing each other end with
// exactly one stored registration, the other answered 409.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_first_registrations_end_with_exactly_one_row() {
    let (state, _folder) = new_state().await;
    let client = Client::signed_in(&state, "soite").await;
    let attempts = (0..8).map(|index| {
        let client = client.clone();
        tokio::spawn(async move {
            let input = registration(&format!("040 123 456{index}"));
            client.post_registration(&input).await.status
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
        .sqlite()
        .unwrap()
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
    let client = Client::signed_in(&state, "sote-card").await;

    let early = client.post_profile(&profile("physician", None)).await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.json(), json!({"code": "registration_required"}));

    client.post_registration(&registration("0401234567")).await;
    let missing = client.put_profile(&profile("physician", None)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json(), json!({"code": "profile_not_found"}));

    let invalid = client.post_profile(&profile("", Some("91"))).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        invalid.json(),
        json!({"code": "validation_failed", "errors": {"professional_group": ["required"], "wellbeing_county": ["unknown"]}})
    );

    let created = client.post_profile(&profile("physician", Some("90"))).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(
        created.json(),
        json!({"professional_group": "physician", "wellbeing_county": "90"})
    );
    let again = client.post_profile(&profile("physician", None)).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json(), json!({"code": "already_exists"}));

    let edited = client.put_profile(&profile("student", None)).await;
    assert_eq!(edited.status, StatusCode::OK);
    let invalid_edit = client.put_profile(&profile("surgeon", None)).await;
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
    let physician = Client::signed_in(&state, "hus").await;
    let student = Client::signed_in(&state, "online-bank").await;

    let early = physician.content().await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.json(), json!({"code": "profile_required"}));

    for (client, group) in [(&physician, "physician"), (&student, "student")] {
        client.post_registration(&registration("0401234567")).await;
        let made = client.post_profile(&profile(group, None)).await;
        assert_eq!(made.status, StatusCode::CREATED);
    }

    let physicians = physician.content().await;
    assert_eq!(physicians.status, StatusCode::OK);
    let students = student.content().await;
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
    student.put_profile(&profile("physician", None)).await;
    assert_eq!(content_ids(&student.content().await), physician_ids);
}
