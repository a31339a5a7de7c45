//! Registrars (issue 12) on both backends: every point carries its active registrars' count and
//! the flag for fewer than two; a removal that would leave fewer than two is refused, also
//! when two race; closing a point ends its registrars and its authorisations; a registrar's
//! contact email is used only once its link is followed; an agency notice is one message per
//! distinct confirmed address, with the unreached counted, and its counts follow the outbox.

mod support;

use axum::http::{Method, StatusCode};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use contract::paths::api;
use domain::administration::ContactEmail;
use domain::{AccountKey, Language};
use serde_json::{Value, json};
use server::mail::texts::ConfirmationMail;
use server::storage::administration::Audit;
use server::storage::registrar_contacts::NewConfirmation;
use sha2::{Digest, Sha256};
use support::Client;
use support::admin::{World, assert_refused, path, world};

/// The account key of a development identity of the Suomi.fi kind (every administration
/// identity is one).
fn key(subject: &str) -> AccountKey {
    AccountKey::from_stored(&format!("suomifi:{subject}"))
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The county's approved points (the main point first), by id.
async fn county_points(world: &World) -> Vec<Value> {
    let answer = world
        .county_admin
        .get(&path(api::ADMIN_ACCOUNT_POINTS, &[world.county]))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.json()["points"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|point| point["state"] == "approved")
        .cloned()
        .collect()
}

async fn point_of(world: &World, id: i64) -> Value {
    county_points_all(world)
        .await
        .into_iter()
        .find(|point| point["id"] == id)
        .unwrap()
}

async fn county_points_all(world: &World) -> Vec<Value> {
    world
        .county_admin
        .get(&path(api::ADMIN_ACCOUNT_POINTS, &[world.county]))
        .await
        .json()["points"]
        .as_array()
        .unwrap()
        .clone()
}

/// The point's registrars as the county's administrator sees them: (id, name).
async fn registrars_of(world: &World, point: i64) -> Vec<(i64, Option<String>)> {
    let answer = world
        .county_admin
        .get(&path(api::ADMIN_POINT_REGISTRARS, &[world.county, point]))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.json()["registrars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|registrar| {
            (
                registrar["id"].as_i64().unwrap(),
                registrar["display_name"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

async fn remove(client: &Client, world: &World, point: i64, registrar: i64) -> support::Answer {
    client
        .send_json(
            Method::POST,
            &path(
                api::ADMIN_POINT_REGISTRAR_REMOVAL,
                &[world.county, point, registrar],
            ),
            &json!({}),
        )
        .await
}

/// A new point of the county, ordered by its administrator and approved by the officer: no
/// registrars and no customers yet (the demonstration data's points have both).
async fn fresh_point(world: &World, name: &str) -> Value {
    let ordered = world
        .county_admin
        .send_json(
            Method::POST,
            &path(api::ADMIN_ACCOUNT_POINTS, &[world.county]),
            &json!({ "point_name": name, "postal_address": "Testikatu 1, 00100 Helsinki" }),
        )
        .await;
    assert_eq!(ordered.status, StatusCode::CREATED, "{}", ordered.body);
    let id = ordered.json()["id"].as_i64().unwrap();
    let approved = world
        .officer
        .send_json(
            Method::POST,
            &path(api::ADMIN_POINT_ORDER_DECISION, &[id]),
            &json!({ "grant": true, "rejection_reason": null }),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
    approved.json()
}

/// The private organisation's authorisation of `point`.
async fn authorisation_of(world: &World, point: i64) -> Value {
    let listed = world
        .private_admin
        .get(&path(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[world.private]))
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    listed.json()["authorisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|authorisation| authorisation["point"]["point_id"] == point)
        .cloned()
        .unwrap_or_else(|| panic!("no authorisation of {point}: {}", listed.body))
}

/// The account's administrator applies for a contract of `kind` and the officer grants it.
async fn granted_contract(world: &World, admin: &Client, account: i64, kind: &str) {
    let draft = admin
        .send_json(
            Method::POST,
            &path(api::ADMIN_ACCOUNT_CONTRACTS, &[account]),
            &json!({ "contract_kind": kind }),
        )
        .await;
    assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.body);
    let id = draft.json()["id"].as_i64().unwrap();
    let submitted = admin
        .send_json(
            Method::POST,
            &path(api::ADMIN_CONTRACT_SUBMISSION, &[account, id]),
            &json!({}),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
    let granted = world
        .officer
        .send_json(
            Method::POST,
            &path(api::ADMIN_CONTRACT_DECISION, &[id]),
            &json!({ "grant": true, "rejection_reason": null }),
        )
        .await;
    assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
}

async fn audit_actions(world: &World, account: i64) -> Vec<String> {
    let log = world
        .officer
        .get(&format!("{}?account={account}", api::ADMIN_AUDIT))
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    log.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["action"].as_str().unwrap().to_owned())
        .collect()
}

// Guards "every list that shows a point marks one with fewer than two registrars" and "a
// removal that would leave fewer than two is refused, with the reason".
#[tokio::test]
async fn a_point_keeps_two_registrars_and_every_answer_shows_how_many_it_has() {
    for database in support::databases().await {
        let world = world(&database).await;
        let storage = world.state.storage.clone();
        let point = fresh_point(&world, "Kahden rekisteröijän piste").await["id"]
            .as_i64()
            .unwrap();
        let shown = point_of(&world, point).await;
        assert_eq!(shown["active_registrars"], 0, "{}", database.name);
        assert_eq!(shown["too_few_registrars"], true);

        for subject in ["dev-invitee-1", "dev-county-admin-1"] {
            assert!(
                storage
                    .add_registrar(point, key(subject).as_str(), 1_700_000_000)
                    .await
                    .unwrap()
            );
        }
        let shown = point_of(&world, point).await;
        assert_eq!(shown["active_registrars"], 2);
        assert_eq!(shown["too_few_registrars"], false);
        // The look-up, and an organisation's authorisation of the point, carry it too.
        let number = shown["service_number"].as_str().unwrap().to_owned();
        let lookup = world
            .officer
            .get(&format!(
                "{}?service_number={number}",
                api::ADMIN_POINT_LOOKUP
            ))
            .await;
        assert_eq!(lookup.json()["active_registrars"], 2, "{}", lookup.body);
        assert_eq!(lookup.json()["too_few_registrars"], false);
        granted_contract(
            &world,
            &world.private_admin,
            world.private,
            "sote_organisation",
        )
        .await;
        let authorised = world
            .private_admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[world.private]),
                &json!({ "service_number": number }),
            )
            .await;
        assert_eq!(
            authorised.status,
            StatusCode::CREATED,
            "{}",
            authorised.body
        );
        assert_eq!(
            authorisation_of(&world, point).await["point"]["active_registrars"],
            2
        );

        // The list: names as the identity provider gave them (the county's administrator has
        // one from the demonstration data; the other none), for the county and the officer.
        let registrars = registrars_of(&world, point).await;
        assert_eq!(registrars.len(), 2);
        assert!(
            registrars
                .iter()
                .any(|(_, name)| name.as_deref() == Some("Kalle Koskinen")),
            "{registrars:?}"
        );
        assert!(registrars.iter().any(|(_, name)| name.is_none()));
        let by_officer = world
            .officer
            .get(&path(api::ADMIN_POINT_REGISTRARS, &[world.county, point]))
            .await;
        assert_eq!(by_officer.json()["active_registrars"], 2);
        assert!(!by_officer.body.contains("suomifi:"), "{}", by_officer.body);
        for client in [&world.private_admin, &world.member, &world.professional] {
            assert_refused(
                &client
                    .get(&path(api::ADMIN_POINT_REGISTRARS, &[world.county, point]))
                    .await,
                StatusCode::NOT_FOUND,
                "not_found",
            );
        }

        // Two: no removal, by the county's administrator or the officer.
        let (first, _) = registrars[0];
        for client in [&world.county_admin, &world.officer] {
            assert_refused(
                &remove(client, &world, point, first).await,
                StatusCode::CONFLICT,
                "too_few_registrars",
            );
        }
        assert_refused(
            &remove(&world.private_admin, &world, point, first).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        // Three: one may go, and then no other.
        storage
            .add_registrar(point, key("dev-invitee-2").as_str(), 1_700_000_100)
            .await
            .unwrap();
        let removed = remove(&world.county_admin, &world, point, first).await;
        assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
        assert_eq!(storage.active_registrar_count(point).await.unwrap(), 2);
        assert_refused(
            &remove(&world.officer, &world, point, first).await,
            StatusCode::CONFLICT,
            "registrar_already_removed",
        );
        let (second, _) = registrars[1];
        assert_refused(
            &remove(&world.officer, &world, point, second).await,
            StatusCode::CONFLICT,
            "too_few_registrars",
        );
        assert_eq!(point_of(&world, point).await["active_registrars"], 2);
        // Another point's id, or a malformed one, is 404, never a 500.
        let other = county_points(&world).await[0]["id"].as_i64().unwrap();
        assert_refused(
            &remove(&world.county_admin, &world, other, second).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        let malformed = world
            .county_admin
            .send_json(
                Method::POST,
                &format!(
                    "/api/admin/accounts/{}/points/{point}/registrars/x/removal",
                    world.county
                ),
                &json!({}),
            )
            .await;
        assert_refused(&malformed, StatusCode::NOT_FOUND, "not_found");
        assert!(
            audit_actions(&world, world.county)
                .await
                .contains(&"registrar_removed".to_owned())
        );
    }
}

// Guards "unless the point is being closed": closing ends every registrar's rights and every
// authorisation at once, each audited, and only an approved point closes, once.
#[tokio::test]
async fn closing_a_point_ends_its_registrars_and_its_authorisations() {
    for database in support::databases().await {
        let world = world(&database).await;
        let storage = world.state.storage.clone();
        let point = fresh_point(&world, "Suljettava piste").await;
        let id = point["id"].as_i64().unwrap();
        for subject in ["dev-invitee-1", "dev-invitee-2"] {
            storage
                .add_registrar(id, key(subject).as_str(), 1_700_000_000)
                .await
                .unwrap();
        }
        granted_contract(
            &world,
            &world.private_admin,
            world.private,
            "sote_organisation",
        )
        .await;
        let authorised = world
            .private_admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[world.private]),
                &json!({ "service_number": point["service_number"] }),
            )
            .await;
        assert_eq!(
            authorised.status,
            StatusCode::CREATED,
            "{}",
            authorised.body
        );
        let closure = path(api::ADMIN_POINT_CLOSURE, &[world.county, id]);
        for (client, status, code) in [
            (&world.private_admin, StatusCode::NOT_FOUND, "not_found"),
            (&world.member, StatusCode::NOT_FOUND, "not_found"),
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
        ] {
            assert_refused(
                &client.send_json(Method::POST, &closure, &json!({})).await,
                status,
                code,
            );
        }

        let closed = world
            .county_admin
            .send_json(Method::POST, &closure, &json!({}))
            .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
        let closed = closed.json();
        assert_eq!(closed["point"]["state"], "closed", "{}", database.name);
        assert_eq!(closed["registrars_removed"], 2);
        assert_eq!(closed["authorisations_revoked"], 1);
        assert_eq!(storage.active_registrar_count(id).await.unwrap(), 0);
        assert!(registrars_of(&world, id).await.is_empty());
        let shown = point_of(&world, id).await;
        assert_eq!(shown["state"], "closed");
        assert_eq!(shown["active_registrars"], 0);
        let customers = world
            .county_admin
            .get(&path(api::ADMIN_POINT_CUSTOMERS, &[world.county, id]))
            .await;
        assert_eq!(
            customers.json()["customers"],
            json!([]),
            "{}",
            customers.body
        );
        assert!(authorisation_of(&world, id).await["revoked_at"].is_i64());
        // Registrars no more: the contact email is refused them.
        let registrar = Client::signed_in(&world.state, "invitee").await;
        assert_refused(
            &registrar.get(api::ADMIN_MY_CONTACT).await,
            StatusCode::FORBIDDEN,
            "not_a_registrar",
        );
        // Closed once; the audit has the closure, each registrar and the revocation.
        assert_refused(
            &world
                .officer
                .send_json(Method::POST, &closure, &json!({}))
                .await,
            StatusCode::CONFLICT,
            "point_closed",
        );
        let county_log = audit_actions(&world, world.county).await;
        assert!(county_log.contains(&"point_closed".to_owned()));
        assert_eq!(
            county_log
                .iter()
                .filter(|action| *action == "registrar_removed")
                .count(),
            2
        );
        assert!(
            audit_actions(&world, world.private)
                .await
                .contains(&"authorisation_revoked".to_owned())
        );
        // An order that waits is not a point yet; the officer may close another point.
        let ordered = world
            .county_admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_ACCOUNT_POINTS, &[world.county]),
                &json!({ "point_name": "Uusi piste", "postal_address": "Katu 1, 00100 Helsinki" }),
            )
            .await;
        assert_eq!(ordered.status, StatusCode::CREATED, "{}", ordered.body);
        let ordered = ordered.json()["id"].as_i64().unwrap();
        assert_eq!(
            county_points_all(&world)
                .await
                .iter()
                .find(|point| point["id"] == ordered)
                .unwrap()["too_few_registrars"],
            false,
            "an order is not short of registrars"
        );
        assert_refused(
            &world
                .officer
                .send_json(
                    Method::POST,
                    &path(api::ADMIN_POINT_CLOSURE, &[world.county, ordered]),
                    &json!({}),
                )
                .await,
            StatusCode::CONFLICT,
            "point_not_approved",
        );
        // Approved, it has no registrars yet: marked as short of them in the decision's answer.
        let approved = world
            .officer
            .send_json(
                Method::POST,
                &path(api::ADMIN_POINT_ORDER_DECISION, &[ordered]),
                &json!({ "grant": true, "rejection_reason": null }),
            )
            .await;
        assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
        assert_eq!(approved.json()["active_registrars"], 0);
        assert_eq!(approved.json()["too_few_registrars"], true);
        let other = fresh_point(&world, "Toinen suljettava piste").await["id"]
            .as_i64()
            .unwrap();
        let by_officer = world
            .officer
            .send_json(
                Method::POST,
                &path(api::ADMIN_POINT_CLOSURE, &[world.county, other]),
                &json!({}),
            )
            .await;
        assert_eq!(by_officer.status, StatusCode::OK, "{}", by_officer.body);
    }
}

// Guards the count check inside the write: two removals racing on a point of three registrars
// cannot both pass (SQLite: one writer; PostgreSQL: the point's row locked first), round
// after round.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_removals_at_once_leave_two_registrars() {
    for database in support::databases().await {
        let world = world(&database).await;
        let storage = world.state.storage.clone();
        let point = fresh_point(&world, "Kilpailtu piste").await["id"]
            .as_i64()
            .unwrap();
        let mut racers = 0;
        for round in 0..12_i64 {
            while storage.active_registrar_count(point).await.unwrap() < 3 {
                racers += 1;
                storage
                    .add_registrar(
                        point,
                        key(&format!("racer-{racers}")).as_str(),
                        1_700_000_000 + round,
                    )
                    .await
                    .unwrap();
            }
            let registrars = storage.point_registrars(point, 0).await.unwrap();
            assert_eq!(registrars.len(), 3);
            let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(2));
            let mut tasks = Vec::new();
            for registrar in [registrars[0].id, registrars[1].id] {
                let storage = storage.clone();
                let barrier = barrier.clone();
                let county = world.county;
                tasks.push(tokio::spawn(async move {
                    barrier.wait().await;
                    storage
                        .registrar_remove(
                            Audit {
                                actor: key("dev-officer-1"),
                                at: now(),
                                action: "registrar_removed",
                            },
                            county,
                            point,
                            registrar,
                        )
                        .await
                        .unwrap()
                }));
            }
            let mut outcomes = Vec::new();
            for task in tasks {
                outcomes.push(task.await.unwrap());
            }
            assert_eq!(
                outcomes.iter().filter(|outcome| outcome.is_ok()).count(),
                1,
                "{}, round {round}: {outcomes:?}",
                database.name
            );
            assert_eq!(storage.active_registrar_count(point).await.unwrap(), 2);
        }
    }
}

/// The newest queued message to `recipient` in the outbox: its subject and body.
async fn last_message_to(world: &World, recipient: &str) -> (String, String) {
    let message = world
        .state
        .storage
        .outbox_page(i64::MAX)
        .await
        .unwrap()
        .into_iter()
        .filter(|message| message.recipient == recipient)
        .max_by_key(|message| message.id)
        .unwrap_or_else(|| panic!("no message to {recipient}"));
    (message.subject, message.body)
}

/// The token of the newest confirmation link sent to `recipient`.
async fn token_sent_to(world: &World, recipient: &str) -> String {
    let (_, body) = last_message_to(world, recipient).await;
    let marker = format!("{}?token=", contract::paths::admin::CONTACT_CONFIRMATION);
    let start = body.find(&marker).unwrap_or_else(|| panic!("{body}")) + marker.len();
    body[start..start + 43].to_owned()
}

async fn set_contact(client: &Client, email: &str) -> support::Answer {
    client
        .send_json(
            Method::PUT,
            api::ADMIN_MY_CONTACT,
            &json!({ "email": email, "language": "fi" }),
        )
        .await
}

async fn confirm(client: &Client, token: &str) -> support::Answer {
    client
        .send_json(
            Method::POST,
            api::ADMIN_MY_CONTACT_CONFIRMATION,
            &json!({ "token": token }),
        )
        .await
}

/// Sets and confirms `email` as the signed-in registrar's contact email.
async fn confirmed_contact(world: &World, client: &Client, email: &str) {
    let set = set_contact(client, email).await;
    assert_eq!(set.status, StatusCode::ACCEPTED, "{}", set.body);
    let token = token_sent_to(world, email).await;
    let confirmed = confirm(client, &token).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
}

// Guards "the new address is used after its confirmation link is followed": until then the
// old one stays; the link is the asker's own, single-use, the newest only, and in time.
#[tokio::test]
async fn a_contact_email_is_used_only_once_its_link_is_followed() {
    for database in support::databases().await {
        let world = world(&database).await;
        let storage = world.state.storage.clone();
        let point = county_points(&world).await[1]["id"].as_i64().unwrap();
        for subject in ["dev-invitee-1", "dev-invitee-3"] {
            storage
                .add_registrar(point, key(subject).as_str(), 1_700_000_000)
                .await
                .unwrap();
        }
        let registrar = Client::signed_in(&world.state, "invitee").await;
        let stranger = Client::signed_in(&world.state, "invitee-2").await;
        assert_refused(
            &stranger.get(api::ADMIN_MY_CONTACT).await,
            StatusCode::FORBIDDEN,
            "not_a_registrar",
        );
        assert_refused(
            &set_contact(&stranger, "vieras@esimerkki.fi").await,
            StatusCode::FORBIDDEN,
            "not_a_registrar",
        );
        assert_refused(
            &world.signed_out.get(api::ADMIN_MY_CONTACT).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        let empty = registrar.get(api::ADMIN_MY_CONTACT).await;
        assert_eq!(
            empty.json(),
            json!({ "confirmed_email": null, "confirmed_at": null, "pending": null }),
            "{}",
            database.name
        );
        let bad = set_contact(&registrar, "iida.esimerkki.fi").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert_eq!(bad.json()["errors"]["email"][0], "missing_at");

        // First address: pending, its link in the outbox to that address.
        let first = "iida@esimerkki.fi";
        let set = set_contact(&registrar, first).await;
        assert_eq!(set.status, StatusCode::ACCEPTED, "{}", set.body);
        assert_eq!(set.json()["confirmed_email"], Value::Null);
        assert_eq!(set.json()["pending"]["email"], first);
        assert_eq!(set.json()["pending"]["state"], "pending");
        assert_eq!(set.json()["pending"]["delivery"], "queued");
        let (subject, _) = last_message_to(&world, first).await;
        assert_eq!(subject, "Vahvista rekisteröijän yhteystietosähköposti");
        let token = token_sent_to(&world, first).await;
        // Another person following it is refused, and the link still works for its owner.
        assert_refused(
            &confirm(&stranger, &token).await,
            StatusCode::FORBIDDEN,
            "confirmation_other_person",
        );
        assert_refused(
            &confirm(&world.signed_out, &token).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        let confirmed = confirm(&registrar, &token).await;
        assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
        assert_eq!(confirmed.json()["confirmed_email"], first);
        assert_eq!(confirmed.json()["pending"], Value::Null);
        assert_refused(
            &confirm(&registrar, &token).await,
            StatusCode::CONFLICT,
            "confirmation_used",
        );
        assert_refused(
            &set_contact(&registrar, first).await,
            StatusCode::CONFLICT,
            "contact_email_unchanged",
        );

        // A change: the old address stays in use until the new one is confirmed.
        let second = "iida.ilmarinen@esimerkki.fi";
        set_contact(&registrar, second).await;
        let shown = registrar.get(api::ADMIN_MY_CONTACT).await.json();
        assert_eq!(shown["confirmed_email"], first);
        assert_eq!(shown["pending"]["email"], second);
        let replaced_by_resend = token_sent_to(&world, second).await;
        let resent = registrar
            .send_json(Method::POST, api::ADMIN_MY_CONTACT_RESEND, &json!({}))
            .await;
        assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
        let resent_token = token_sent_to(&world, second).await;
        assert_ne!(resent_token, replaced_by_resend);
        // A resend's earlier link is unknown (its hash replaced); its unsent email is gone.
        assert_refused(
            &confirm(&registrar, &replaced_by_resend).await,
            StatusCode::NOT_FOUND,
            "confirmation_unknown",
        );
        let to_second = storage
            .outbox_page(i64::MAX)
            .await
            .unwrap()
            .into_iter()
            .filter(|message| message.recipient == second)
            .count();
        assert_eq!(to_second, 1);
        // Another address asked for: the earlier link is replaced.
        let third = "ilmarinen@esimerkki.fi";
        let set = set_contact(&registrar, third).await;
        assert_eq!(
            set.status,
            StatusCode::ACCEPTED,
            "{}: {}",
            database.name,
            set.body
        );
        assert_refused(
            &confirm(&registrar, &resent_token).await,
            StatusCode::CONFLICT,
            "confirmation_replaced",
        );
        for wrong in ["", "abc", &"A".repeat(43)] {
            assert_refused(
                &confirm(&registrar, wrong).await,
                StatusCode::NOT_FOUND,
                "confirmation_unknown",
            );
        }
        assert_eq!(
            registrar.get(api::ADMIN_MY_CONTACT).await.json()["confirmed_email"],
            first
        );
        let third_token = token_sent_to(&world, third).await;
        assert_eq!(
            confirm(&registrar, &third_token).await.json()["confirmed_email"],
            third
        );
        // Five confirmation emails an hour: four so far, one more, then the limit.
        let fourth = "neljas@esimerkki.fi";
        assert_eq!(
            set_contact(&registrar, fourth).await.status,
            StatusCode::ACCEPTED
        );
        let limited = registrar
            .send_json(Method::POST, api::ADMIN_MY_CONTACT_RESEND, &json!({}))
            .await;
        assert_refused(
            &limited,
            StatusCode::TOO_MANY_REQUESTS,
            "contact_resend_limit",
        );
        assert!(limited.json()["retry_at"].is_i64());

        // Expired: a link asked for a day and more ago is refused.
        let mut bytes = [7_u8; 32];
        bytes[0] = 1;
        let token = URL_SAFE_NO_PAD.encode(bytes);
        storage
            .contact_request(
                Audit {
                    actor: key("dev-invitee-3"),
                    at: now() - 25 * 3600,
                    action: "contact_email_requested",
                },
                NewConfirmation {
                    contact: ContactEmail {
                        email: "kerttu@esimerkki.fi".parse().unwrap(),
                        language: Language::Sv,
                    },
                    token_hash: Sha256::digest(bytes).into(),
                    mail: ConfirmationMail {
                        link: format!(
                            "http://127.0.0.1/hallinta/vahvista-sahkoposti?token={token}"
                        ),
                        valid_until: now() - 3600,
                    },
                },
            )
            .await
            .unwrap()
            .unwrap();
        let late = Client::signed_in(&world.state, "invitee-3").await;
        assert_eq!(
            late.get(api::ADMIN_MY_CONTACT).await.json()["pending"]["state"],
            "expired"
        );
        assert_refused(
            &confirm(&late, &token).await,
            StatusCode::CONFLICT,
            "confirmation_expired",
        );
        // The audit names the confirmations, never the address or the token.
        let log = world.officer.get(api::ADMIN_AUDIT).await;
        assert!(log.body.contains("contact_email_confirmed"), "{}", log.body);
        assert!(!log.body.contains(first), "{}", log.body);
        assert!(!log.body.contains(&third_token));
    }
}

// Guards "a notice goes to every active registrar's confirmed contact email through the
// outbox, and the officer sees how many were sent and queued": one message per distinct
// address, the unreached counted and named, and the counts following the outbox's states as
// the worker's claims, failures and deliveries move them.
#[tokio::test]
async fn a_notice_is_one_message_per_confirmed_address_and_its_counts_follow_the_outbox() {
    for database in support::databases().await {
        let world = world(&database).await;
        let storage = world.state.storage.clone();
        // The demonstration data's registrars have no confirmed address: a first notice
        // counts them, all unreached, and writes no message.
        let baseline = world
            .officer
            .send_json(
                Method::POST,
                api::ADMIN_NOTICES,
                &json!({ "notice_subject": "Ensimmäinen", "notice_body": "Testi." }),
            )
            .await;
        assert_eq!(baseline.status, StatusCode::CREATED, "{}", baseline.body);
        let baseline = baseline.json();
        assert_eq!(baseline["recipients"], 0, "{baseline}");
        let demo_registrars = baseline["registrars"].as_i64().unwrap();
        assert_eq!(baseline["not_reached"], demo_registrars);
        let (first_point, second_point) = (
            fresh_point(&world, "Ensimmäinen piste").await["id"]
                .as_i64()
                .unwrap(),
            fresh_point(&world, "Toinen piste").await["id"]
                .as_i64()
                .unwrap(),
        );
        // invitee: two points; invitee-2 and sote-card share an address; invitee-3 has only
        // a pending one; the county's administrator (named in the demo data) has none.
        for (point, subject) in [
            (first_point, "dev-invitee-1"),
            (second_point, "dev-invitee-1"),
            (first_point, "dev-invitee-2"),
            (second_point, "dev-suomifi-1"),
            (first_point, "dev-invitee-3"),
            (second_point, "dev-county-admin-1"),
        ] {
            storage
                .add_registrar(point, key(subject).as_str(), 1_700_000_000)
                .await
                .unwrap();
        }
        let invitee = Client::signed_in(&world.state, "invitee").await;
        confirmed_contact(&world, &invitee, "iida@esimerkki.fi").await;
        let shared = "yhteinen@esimerkki.fi";
        let second = Client::signed_in(&world.state, "invitee-2").await;
        confirmed_contact(&world, &second, shared).await;
        let card = Client::signed_in(&world.state, "sote-card").await;
        confirmed_contact(&world, &card, shared).await;
        let pending = Client::signed_in(&world.state, "invitee-3").await;
        set_contact(&pending, "kerttu@esimerkki.fi").await;
        // Done with the confirmations: their messages leave the queue first.
        let worker_now = now();
        while let Some(message) = storage
            .outbox_claim("setup", worker_now, 120)
            .await
            .unwrap()
        {
            assert!(
                storage
                    .outbox_sent(message.id, "setup", worker_now)
                    .await
                    .unwrap()
            );
        }

        let notices = api::ADMIN_NOTICES;
        let input = json!({ "notice_subject": "Huoltokatko", "notice_body": "Palvelu on poissa käytöstä lauantaina.\nKiitos." });
        for (client, status, code) in [
            (&world.county_admin, StatusCode::FORBIDDEN, "forbidden"),
            (&invitee, StatusCode::FORBIDDEN, "forbidden"),
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
        ] {
            assert_refused(
                &client.send_json(Method::POST, notices, &input).await,
                status,
                code,
            );
        }
        let invalid = world
            .officer
            .send_json(
                Method::POST,
                notices,
                &json!({ "notice_subject": "Rivi\nrivi", "notice_body": " " }),
            )
            .await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            invalid.json()["errors"]["notice_subject"][0],
            "invalid_characters"
        );
        assert_eq!(invalid.json()["errors"]["notice_body"][0], "required");

        let sent = world.officer.send_json(Method::POST, notices, &input).await;
        assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
        let sent = sent.json();
        assert_eq!(
            sent["registrars"],
            demo_registrars + 5,
            "{}: {sent}",
            database.name
        );
        assert_eq!(sent["recipients"], 2);
        assert_eq!(sent["queued"], 2);
        assert_eq!(sent["sent"], 0);
        assert_eq!(sent["not_reached"], demo_registrars + 2);
        let id = sent["id"].as_i64().unwrap();
        // Exactly one message per confirmed address, none to a pending or missing one.
        let queued: Vec<_> = storage
            .outbox_page(i64::MAX)
            .await
            .unwrap()
            .into_iter()
            .filter(|message| message.sent_at.is_none())
            .collect();
        let mut recipients: Vec<&str> = queued
            .iter()
            .map(|message| message.recipient.as_str())
            .collect();
        recipients.sort_unstable();
        assert_eq!(recipients, ["iida@esimerkki.fi", shared]);
        assert!(queued.iter().all(|message| {
            message.subject == "Viraston tiedote: Huoltokatko"
                && message
                    .body
                    .contains("Palvelu on poissa käytöstä lauantaina.\nKiitos.")
        }));

        let detail = world.officer.get(&path(api::ADMIN_NOTICE, &[id])).await;
        assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
        let not_reached = detail.json()["not_reached"].as_array().unwrap().clone();
        assert_eq!(
            not_reached.len(),
            usize::try_from(demo_registrars).unwrap() + 2,
            "{}",
            detail.body
        );
        assert!(
            not_reached
                .iter()
                .any(|person| person["display_name"] == "Kalle Koskinen"
                    && person["points"].as_array().unwrap().len() == 1),
            "{not_reached:?}"
        );
        assert!(!detail.body.contains("suomifi:"), "{}", detail.body);
        assert_refused(
            &world
                .county_admin
                .get(&path(api::ADMIN_NOTICE, &[id]))
                .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        assert_refused(
            &world
                .officer
                .get(&path(api::ADMIN_NOTICE, &[id + 1000]))
                .await,
            StatusCode::NOT_FOUND,
            "not_found",
        );

        let counts = || async {
            let page = world.officer.get(notices).await;
            assert_eq!(page.status, StatusCode::OK, "{}", page.body);
            let notice = page.json()["notices"][0].clone();
            assert_eq!(notice["id"], id);
            (
                notice["sent"].as_i64().unwrap(),
                notice["queued"].as_i64().unwrap(),
                notice["retrying"].as_i64().unwrap(),
            )
        };
        assert_eq!(counts().await, (0, 2, 0));
        // The worker: the first attempt fails, the second message is delivered.
        let at = now();
        let failing = storage.outbox_claim("w", at, 120).await.unwrap().unwrap();
        assert!(
            storage
                .outbox_failed(failing.id, "w", at + 5, "connection refused".into())
                .await
                .unwrap()
        );
        assert_eq!(counts().await, (0, 1, 1));
        let delivered = storage.outbox_claim("w", at, 120).await.unwrap().unwrap();
        assert_ne!(delivered.id, failing.id);
        assert!(storage.outbox_sent(delivered.id, "w", at).await.unwrap());
        assert_eq!(counts().await, (1, 0, 1));
        // Retried: sent, never lost.
        let retried = storage
            .outbox_claim("w", at + 5, 120)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(retried.id, failing.id);
        assert!(storage.outbox_sent(retried.id, "w", at + 5).await.unwrap());
        assert_eq!(counts().await, (2, 0, 0));
        assert!(
            audit_actions_all(&world)
                .await
                .contains(&"notice_sent".to_owned())
        );
    }
}

async fn audit_actions_all(world: &World) -> Vec<String> {
    world.officer.get(api::ADMIN_AUDIT).await.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["action"].as_str().unwrap().to_owned())
        .collect()
}

/// The test SMTP server's control API (`tests/smtp/server.js`, which `cargo xtask test`
/// starts and names in `MTT_SMTP_CONTROL_URL` and `MTT_SMTP_PORT`): its URL and its SMTP port,
/// or none (skipped with a note; never in CI).
fn smtp_server() -> Option<(String, u16)> {
    let control = std::env::var("MTT_SMTP_CONTROL_URL").ok();
    let port = std::env::var("MTT_SMTP_PORT")
        .ok()
        .and_then(|port| port.parse().ok());
    match (control, port) {
        (Some(control), Some(port)) => Some((control, port)),
        _ if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!("CI runs the email tests against the test SMTP server")
        }
        _ => {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "note: the notice's SMTP delivery test was skipped (MTT_SMTP_CONTROL_URL and \
                 MTT_SMTP_PORT are not set)"
            );
            None
        }
    }
}

/// The messages the SMTP server received for `recipient` (`GET /messages`).
async fn received(url: &str, recipient: &str) -> Vec<Value> {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            format!("GET /messages HTTP/1.0\r\nHost: {address}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .await
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (_, body) = response.split_once("\r\n\r\n").unwrap();
    serde_json::from_str::<Value>(body)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .filter(|message| message["envelope_to"][0] == recipient)
        .cloned()
        .collect()
}

/// Waits up to `seconds` for `done`, checking every 100 ms.
async fn eventually<F, Fut>(seconds: u64, what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while !done().await {
        assert!(
            std::time::Instant::now() < deadline,
            "not within {seconds} s: {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

// Guards "a notice reaches every registrar's confirmed address on the SMTP server, and the
// officer sees it move from queued to sent": through the real worker, SMTP client and server.
#[tokio::test]
async fn a_notice_reaches_the_smtp_server_and_is_counted_sent() {
    let Some((url, port)) = smtp_server() else {
        return;
    };
    for database in support::databases().await {
        let world = world(&database).await;
        let point = county_points(&world).await[1]["id"].as_i64().unwrap();
        for subject in ["dev-invitee-1", "dev-invitee-2"] {
            world
                .state
                .storage
                .add_registrar(point, key(subject).as_str(), 1_700_000_000)
                .await
                .unwrap();
        }
        let unique = format!(
            "{}-{}-{}",
            database.name,
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        );
        let addresses = [
            format!("iida-{unique}@esimerkki.fi"),
            format!("joonas-{unique}@esimerkki.fi"),
        ];
        // Confirmed before the worker starts (it cuts the links out of what it sends).
        for (identity, address) in ["invitee", "invitee-2"].iter().zip(&addresses) {
            let client = Client::signed_in(&world.state, identity).await;
            confirmed_contact(&world, &client, address).await;
        }
        let mut config = (*world.state.config).clone();
        config.smtp = server::mail::SmtpSettings {
            smtp_host: Some("127.0.0.1".into()),
            smtp_port: Some(port),
            smtp_tls: server::mail::SmtpTls::None,
            mail_from: Some("Mielenterveystalo <noreply@esimerkki.fi>".into()),
            ..server::mail::SmtpSettings::default()
        };
        let state = server::AppState {
            config: std::sync::Arc::new(config),
            ..world.state.clone()
        };
        let worker = server::mail::spawn_worker(&state).unwrap().unwrap();
        let sent = world
            .officer
            .send_json(
                Method::POST,
                api::ADMIN_NOTICES,
                &json!({ "notice_subject": format!("Tiedote {unique}"), "notice_body": "Hei rekisteröijät." }),
            )
            .await;
        assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
        let id = sent.json()["id"].as_i64().unwrap();
        for address in &addresses {
            eventually(15, "the notice at the SMTP server", || async {
                received(&url, address).await.iter().any(|message| {
                    message["subject"] == format!("Viraston tiedote: Tiedote {unique}")
                })
            })
            .await;
        }
        eventually(5, "the notice counted sent", || async {
            let detail = world
                .officer
                .get(&path(api::ADMIN_NOTICE, &[id]))
                .await
                .json();
            detail["notice"]["sent"] == 2 && detail["notice"]["queued"] == 0
        })
        .await;
        // Once each: a further poll sends nothing again.
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        for address in &addresses {
            let notices = received(&url, address)
                .await
                .into_iter()
                .filter(|message| {
                    message["subject"] == format!("Viraston tiedote: Tiedote {unique}")
                })
                .count();
            assert_eq!(notices, 1, "{address}");
        }
        worker.abort();
    }
}
