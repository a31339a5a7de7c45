//! Users and invitations of a customer account through the whole router, on SQLite and on
//! PostgreSQL: an administrator invites by email (the invitation and its email in the outbox
//! in one transaction), the invited person looks the link up and accepts it once, and the
//! account's list shows members and invitations with their states. Per endpoint: a signed-out
//! client, a professional, another account's administrator, a member and an officer are
//! refused with a code, and ids of other accounts answer 404 as missing ones. Per bad input
//! row: a coded refusal, never a 500.

mod support;

use axum::http::{Method, StatusCode, header};
use contract::paths::api;
use serde_json::{Value, json};
use support::admin::{World, assert_refused, path, world};
use support::{Answer, Client, Database};

fn invite(email: &str, language: &str) -> Value {
    json!({ "invitation_email": email, "language": language })
}

/// The token of the newest message of the outbox to `recipient`.
async fn token_sent_to(world: &World, recipient: &str) -> String {
    let messages = world.state.storage.outbox_page(i64::MAX).await.unwrap();
    let message = messages
        .iter()
        .find(|message| message.recipient == recipient)
        .unwrap_or_else(|| panic!("no message to {recipient}: {messages:?}"));
    let link = message
        .body
        .split_whitespace()
        .find(|word| word.contains("/hallinta/kutsu?token="))
        .unwrap_or_else(|| panic!("no link in {}", message.body));
    link.rsplit_once("token=").unwrap().1.to_owned()
}

async fn invitation_of(admin: &Client, account: i64, email: &str) -> Answer {
    let answer = admin
        .send_json(
            Method::POST,
            &path(api::ADMIN_ACCOUNT_INVITATIONS, &[account]),
            &invite(email, "fi"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    answer
}

fn lookup_path(token: &str) -> String {
    format!("{}?token={token}", api::ADMIN_INVITATION_LOOKUP)
}

async fn accept(client: &Client, token: &str) -> Answer {
    client
        .send_json(
            Method::POST,
            api::ADMIN_INVITATION_ACCEPTANCE,
            &json!({ "token": token }),
        )
        .await
}

/// Runs `sql` on the test's database directly (to move an invitation's time past its end).
async fn raw(database: &Database, world: &World, sql: &'static str) {
    match world.state.storage.sqlite() {
        Some(sqlite) => sqlite
            .write(move |connection| {
                connection.execute_batch(sql)?;
                Ok(())
            })
            .await
            .unwrap(),
        None => {
            let (client, connection) =
                tokio_postgres::connect(&database.url, tokio_postgres::NoTls)
                    .await
                    .unwrap();
            tokio::spawn(connection);
            client.batch_execute(sql).await.unwrap();
        }
    }
}

/// The first column of the first row of `sql`, as text.
async fn text(database: &Database, world: &World, sql: &'static str) -> String {
    match world.state.storage.sqlite() {
        Some(sqlite) => sqlite
            .read(move |connection| Ok(connection.query_row(sql, [], |row| row.get(0))?))
            .await
            .unwrap(),
        None => {
            let (client, connection) =
                tokio_postgres::connect(&database.url, tokio_postgres::NoTls)
                    .await
                    .unwrap();
            tokio::spawn(connection);
            client.query_one(sql, &[]).await.unwrap().get(0)
        }
    }
}

#[tokio::test]
async fn an_invitation_is_mailed_in_its_language_accepted_once_and_listed() {
    for database in support::databases().await {
        let world = world(&database).await;
        let invitations = path(api::ADMIN_ACCOUNT_INVITATIONS, &[world.private]);
        let created = world
            .private_admin
            .send_json(
                Method::POST,
                &invitations,
                &json!({
                    "invitation_email": " Uusi.Kayttaja@Esimerkki.FI ",
                    "language": "sv",
                    "role": "administrator",
                }),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let invitation = created.json();
        assert_eq!(invitation["email"], "Uusi.Kayttaja@esimerkki.fi");
        assert_eq!(invitation["state"], "pending");
        assert_eq!(invitation["delivery"], "queued");
        assert_eq!(invitation["role"], "administrator");
        assert_eq!(
            invitation["valid_until"].as_i64().unwrap() - invitation["sent_at"].as_i64().unwrap(),
            7 * 24 * 3600
        );

        // The email is in the outbox, in Swedish, from the same transaction.
        let messages = world.state.storage.outbox_page(i64::MAX).await.unwrap();
        assert_eq!(messages.len(), 1, "{}", database.name);
        let message = &messages[0];
        assert_eq!(message.recipient, "Uusi.Kayttaja@esimerkki.fi");
        assert_eq!(message.language, "sv");
        assert!(
            message.subject.starts_with("Inbjudan"),
            "{}",
            message.subject
        );
        assert!(message.body.contains("Pia Parviainen"), "{}", message.body);
        assert!(message.body.contains("huvudanvändare"), "{}", message.body);
        assert_eq!(message.sent_at, None);
        let token = token_sent_to(&world, "Uusi.Kayttaja@esimerkki.fi").await;

        // The token is stored only as its SHA-256 (of its 256 bits).
        let stored = text(
            &database,
            &world,
            if database.name == "sqlite" {
                "SELECT lower(hex(token_hash)) FROM invitations"
            } else {
                "SELECT encode(token_hash, 'hex') FROM invitations"
            },
        )
        .await;
        let bits =
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &token)
                .unwrap();
        assert_eq!(bits.len(), 32);
        let expected: String = sha2::Digest::finalize(sha2::Digest::chain_update(
            <sha2::Sha256 as sha2::Digest>::new(),
            &bits,
        ))
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
        assert_eq!(stored, expected);

        // The invited person (no account yet) sees the account's name, then accepts.
        let invited = Client::signed_in(&world.state, "online-bank").await;
        let looked_up = invited.get(&lookup_path(&token)).await;
        assert_eq!(looked_up.status, StatusCode::OK, "{}", looked_up.body);
        assert_eq!(
            looked_up.json()["account_name"],
            "Esimerkki Terveyspalvelut Oy"
        );
        assert_eq!(looked_up.json()["role"], "administrator");
        let accepted = accept(&invited, &token).await;
        assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
        assert_eq!(accepted.json()["id"], world.private);
        assert_eq!(accepted.json()["role"], "administrator");
        let me = invited.get(api::ADMIN_ME).await.json();
        assert_eq!(me["accounts"][0]["id"], world.private);

        // The link is single-use: for anyone, and for the lookup too.
        let other = Client::signed_in(&world.state, "mobile-certificate").await;
        assert_refused(
            &accept(&other, &token).await,
            StatusCode::CONFLICT,
            "invitation_used",
        );
        assert_refused(
            &other.get(&lookup_path(&token)).await,
            StatusCode::CONFLICT,
            "invitation_used",
        );

        // The list: the new member with the name the provider gave and the address invited
        // at, and the accepted invitation.
        let users = world
            .private_admin
            .get(&path(api::ADMIN_ACCOUNT_USERS, &[world.private]))
            .await;
        assert_eq!(users.status, StatusCode::OK, "{}", users.body);
        let users = users.json();
        let joined = users["users"]
            .as_array()
            .unwrap()
            .iter()
            .find(|user| user["invited_as"] == "Uusi.Kayttaja@esimerkki.fi")
            .unwrap_or_else(|| panic!("{users}"));
        assert_eq!(joined["role"], "administrator");
        assert_eq!(joined["display_name"], "Anna Andersson");
        assert_eq!(users["invitations"][0]["state"], "accepted");
        assert_eq!(users["users_next_after"], Value::Null);
        assert_eq!(users["invitations_next_after"], Value::Null);
        // Never a personal identity code or an account key in the list.
        assert!(!users.to_string().contains("suomifi:"), "{users}");

        // Audited: the invitation (without its address) and the acceptance.
        let audit = world
            .private_admin
            .get(&format!("{}?account={}", api::ADMIN_AUDIT, world.private))
            .await
            .json();
        let actions: Vec<&str> = audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["action"].as_str().unwrap())
            .collect();
        assert!(
            actions.starts_with(&["invitation_accepted", "invitation_sent"]),
            "{actions:?}"
        );
        assert!(!audit.to_string().contains("esimerkki.fi"), "{audit}");
    }
}

#[tokio::test]
async fn every_users_endpoint_refuses_who_may_not_and_hides_other_accounts() {
    for database in support::databases().await {
        let world = world(&database).await;
        let private = world.private;
        let created = invitation_of(&world.private_admin, private, "a@esimerkki.fi").await;
        let invitation = created.json()["id"].as_i64().unwrap();
        let users = world
            .private_admin
            .get(&path(api::ADMIN_ACCOUNT_USERS, &[private]))
            .await
            .json();
        let member = users["users"][0]["id"].as_i64().unwrap();
        let token = token_sent_to(&world, "a@esimerkki.fi").await;

        let body = invite("b@esimerkki.fi", "fi");
        let role = json!({ "role": "member" });
        let empty = json!({});
        let requests: Vec<(Method, String, &Value)> = vec![
            (
                Method::GET,
                path(api::ADMIN_ACCOUNT_USERS, &[private]),
                &empty,
            ),
            (
                Method::POST,
                path(api::ADMIN_ACCOUNT_INVITATIONS, &[private]),
                &body,
            ),
            (
                Method::POST,
                path(api::ADMIN_INVITATION_RESEND, &[private, invitation]),
                &empty,
            ),
            (
                Method::POST,
                path(api::ADMIN_INVITATION_WITHDRAWAL, &[private, invitation]),
                &empty,
            ),
            (
                Method::PUT,
                path(api::ADMIN_ACCOUNT_USER, &[private, member]),
                &role,
            ),
            (
                Method::DELETE,
                path(api::ADMIN_ACCOUNT_USER, &[private, member]),
                &empty,
            ),
        ];
        for (method, uri, body) in &requests {
            let send = |client: &Client| {
                let (method, uri, body) = (method.clone(), uri.clone(), (*body).clone());
                let client = client.clone();
                async move {
                    if method == Method::GET {
                        client.get(&uri).await
                    } else {
                        client.send_json(method, &uri, &body).await
                    }
                }
            };
            let context = format!("{} {method} {uri}", database.name);
            let mut refusals = vec![
                (
                    &world.signed_out,
                    StatusCode::UNAUTHORIZED,
                    "unauthenticated",
                ),
                // Not a member: the account is as if missing.
                (&world.professional, StatusCode::NOT_FOUND, "not_found"),
                (&world.county_admin, StatusCode::NOT_FOUND, "not_found"),
                // Sees the account, may not act for it.
                (&world.member, StatusCode::FORBIDDEN, "forbidden"),
            ];
            // An officer invites (an account's first administrator) but changes no membership.
            if uri.contains("/users/") {
                refusals.push((&world.officer, StatusCode::FORBIDDEN, "forbidden"));
            }
            for (client, status, code) in refusals {
                let answer = send(client).await;
                assert_eq!(answer.status, status, "{context}: {}", answer.body);
                assert_eq!(answer.json()["code"], code, "{context}: {}", answer.body);
            }
        }

        // Ids of another account under one's own: 404, as missing ones.
        let county = world.county;
        let county_invitation = invitation_of(&world.county_admin, county, "c@esimerkki.fi")
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        let county_member = world
            .county_admin
            .get(&path(api::ADMIN_ACCOUNT_USERS, &[county]))
            .await
            .json()["users"][0]["id"]
            .as_i64()
            .unwrap();
        for (method, uri, body) in [
            (
                Method::POST,
                path(api::ADMIN_INVITATION_RESEND, &[private, county_invitation]),
                &empty,
            ),
            (
                Method::POST,
                path(
                    api::ADMIN_INVITATION_WITHDRAWAL,
                    &[private, county_invitation],
                ),
                &empty,
            ),
            (
                Method::PUT,
                path(api::ADMIN_ACCOUNT_USER, &[private, county_member]),
                &role,
            ),
            (
                Method::DELETE,
                path(api::ADMIN_ACCOUNT_USER, &[private, county_member]),
                &empty,
            ),
            (
                Method::POST,
                path(api::ADMIN_INVITATION_RESEND, &[private, 999_999]),
                &empty,
            ),
            (
                Method::GET,
                format!("{}/999999/users", api::ADMIN_ACCOUNTS),
                &empty,
            ),
            (
                Method::GET,
                format!("{}/x/users", api::ADMIN_ACCOUNTS),
                &empty,
            ),
        ] {
            let answer = if method == Method::GET {
                world.private_admin.get(&uri).await
            } else {
                world
                    .private_admin
                    .send_json(method.clone(), &uri, body)
                    .await
            };
            assert_refused(&answer, StatusCode::NOT_FOUND, "not_found");
        }
        // The county's invitation and member are untouched.
        let county_users = world
            .county_admin
            .get(&path(api::ADMIN_ACCOUNT_USERS, &[county]))
            .await
            .json();
        assert_eq!(county_users["invitations"][0]["state"], "pending");
        assert_eq!(county_users["users"][0]["role"], "administrator");

        // Looking up and accepting need sign-in.
        assert_refused(
            &world.signed_out.get(&lookup_path(&token)).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        assert_refused(
            &accept(&world.signed_out, &token).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
    }
}

#[tokio::test]
async fn bad_input_is_refused_with_a_code() {
    for database in support::databases().await {
        let world = world(&database).await;
        let private = world.private;
        let invitations = path(api::ADMIN_ACCOUNT_INVITATIONS, &[private]);
        let admin = &world.private_admin;

        // Malformed addresses: the field's code.
        for (email, code) in [
            ("", "required"),
            ("maija.esimerkki.fi", "missing_at"),
            ("maija@localhost", "invalid_domain"),
        ] {
            let answer = admin
                .send_json(Method::POST, &invitations, &invite(email, "fi"))
                .await;
            assert_refused(
                &answer,
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
            );
            assert_eq!(answer.json()["errors"]["invitation_email"], json!([code]));
        }
        // An unknown language or role: the body is not of this form.
        for body in [
            invite("a@esimerkki.fi", "de"),
            json!({ "invitation_email": "a@esimerkki.fi" }),
            json!({ "invitation_email": "a@esimerkki.fi", "language": "fi", "role": "owner" }),
        ] {
            assert_refused(
                &admin.send_json(Method::POST, &invitations, &body).await,
                StatusCode::BAD_REQUEST,
                "invalid_body",
            );
        }
        // Nothing of the refused was queued.
        assert!(
            world
                .state
                .storage
                .outbox_page(i64::MAX)
                .await
                .unwrap()
                .is_empty()
        );

        // A duplicate pending invitation to the same address.
        let first = invitation_of(admin, private, "kaksi@esimerkki.fi").await;
        let first_id = first.json()["id"].as_i64().unwrap();
        assert_refused(
            &admin
                .send_json(
                    Method::POST,
                    &invitations,
                    &invite("kaksi@esimerkki.fi", "en"),
                )
                .await,
            StatusCode::CONFLICT,
            "invitation_pending",
        );
        assert_eq!(
            world
                .state
                .storage
                .outbox_page(i64::MAX)
                .await
                .unwrap()
                .len(),
            1
        );

        // Forged and malformed tokens.
        let person = Client::signed_in(&world.state, "online-bank").await;
        for token in [
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "not-a-token",
            "",
        ] {
            assert_refused(
                &accept(&person, token).await,
                StatusCode::NOT_FOUND,
                "invitation_unknown",
            );
            assert_refused(
                &person.get(&lookup_path(token)).await,
                StatusCode::NOT_FOUND,
                "invitation_unknown",
            );
        }

        // A resend: a new link, the old one dead; three an hour, then the time of the next.
        let old_token = token_sent_to(&world, "kaksi@esimerkki.fi").await;
        let resend = path(api::ADMIN_INVITATION_RESEND, &[private, first_id]);
        for _ in 0..3 {
            let answer = admin.send_json(Method::POST, &resend, &json!({})).await;
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
            assert_eq!(answer.json()["delivery"], "queued");
        }
        let limited = admin.send_json(Method::POST, &resend, &json!({})).await;
        assert_refused(
            &limited,
            StatusCode::TOO_MANY_REQUESTS,
            "invitation_resend_limit",
        );
        let retry_at = limited.json()["retry_at"].as_i64().unwrap();
        let retry_after: i64 = limited.headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((3590..=3600).contains(&retry_after), "{retry_after}");
        assert!(retry_at > time::OffsetDateTime::now_utc().unix_timestamp() + 3500);
        // One message: each resend took the earlier, unsent email (with its dead link) out of
        // the outbox; the refused one queued nothing.
        assert_eq!(
            world
                .state
                .storage
                .outbox_page(i64::MAX)
                .await
                .unwrap()
                .len(),
            1
        );
        assert_refused(
            &accept(&person, &old_token).await,
            StatusCode::NOT_FOUND,
            "invitation_unknown",
        );
        let new_token = token_sent_to(&world, "kaksi@esimerkki.fi").await;
        assert_ne!(new_token, old_token);

        // Withdrawn: its link says so; withdrawing or resending again is refused.
        let withdrawal = path(api::ADMIN_INVITATION_WITHDRAWAL, &[private, first_id]);
        let withdrawn = admin.send_json(Method::POST, &withdrawal, &json!({})).await;
        assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.body);
        assert_eq!(withdrawn.json()["state"], "withdrawn");
        // Its email, not sent yet, is never sent now.
        assert!(
            world
                .state
                .storage
                .outbox_page(i64::MAX)
                .await
                .unwrap()
                .iter()
                .all(|message| message.recipient.as_str() != "kaksi@esimerkki.fi")
        );
        assert_refused(
            &accept(&person, &new_token).await,
            StatusCode::CONFLICT,
            "invitation_withdrawn",
        );
        assert_refused(
            &admin.send_json(Method::POST, &withdrawal, &json!({})).await,
            StatusCode::CONFLICT,
            "invitation_withdrawn",
        );
        // A withdrawn invitation no longer holds the address.
        invitation_of(admin, private, "kaksi@esimerkki.fi").await;

        // Expired: seven days passed (moved in the database). Resending brings it back.
        let expiring = invitation_of(admin, private, "vanha@esimerkki.fi").await;
        let expiring_id = expiring.json()["id"].as_i64().unwrap();
        let expired_token = token_sent_to(&world, "vanha@esimerkki.fi").await;
        raw(
            &database,
            &world,
            "UPDATE invitations SET expires_at = 1000 WHERE email = 'vanha@esimerkki.fi'",
        )
        .await;
        assert_refused(
            &accept(&person, &expired_token).await,
            StatusCode::CONFLICT,
            "invitation_expired",
        );
        assert_refused(
            &person.get(&lookup_path(&expired_token)).await,
            StatusCode::CONFLICT,
            "invitation_expired",
        );
        let listed = admin
            .get(&path(api::ADMIN_ACCOUNT_USERS, &[private]))
            .await
            .json();
        let shown = listed["invitations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|invitation| invitation["id"] == expiring_id)
            .unwrap()
            .clone();
        assert_eq!(shown["state"], "expired");
        let revived = admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_INVITATION_RESEND, &[private, expiring_id]),
                &json!({}),
            )
            .await;
        assert_eq!(revived.status, StatusCode::OK, "{}", revived.body);
        assert_eq!(revived.json()["state"], "pending");
        let revived_token = token_sent_to(&world, "vanha@esimerkki.fi").await;

        // A member already: the link is left for its rightful use.
        assert_refused(
            &accept(&world.member, &revived_token).await,
            StatusCode::CONFLICT,
            "already_member",
        );
        let accepted = accept(&person, &revived_token).await;
        assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
        assert_eq!(accepted.json()["role"], "member");
        // An accepted invitation is neither resent nor withdrawn.
        for uri in [
            path(api::ADMIN_INVITATION_RESEND, &[private, expiring_id]),
            path(api::ADMIN_INVITATION_WITHDRAWAL, &[private, expiring_id]),
        ] {
            assert_refused(
                &admin.send_json(Method::POST, &uri, &json!({})).await,
                StatusCode::CONFLICT,
                "invitation_used",
            );
        }
    }
}

#[tokio::test]
async fn an_account_always_keeps_an_administrator() {
    for database in support::databases().await {
        let world = world(&database).await;
        let private = world.private;
        let admin = &world.private_admin;
        let users = |client: &Client| {
            let client = client.clone();
            async move {
                client
                    .get(&path(api::ADMIN_ACCOUNT_USERS, &[private]))
                    .await
                    .json()["users"]
                    .as_array()
                    .unwrap()
                    .clone()
            }
        };
        let listed = users(admin).await;
        // The demonstration members carry the development provider's names.
        let names: Vec<&str> = listed
            .iter()
            .map(|user| user["display_name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["Pia Parviainen", "Minna Mattila"],
            "{}",
            database.name
        );
        let own = listed
            .iter()
            .find(|user| user["role"] == "administrator")
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let member = listed.iter().find(|user| user["role"] == "member").unwrap()["id"]
            .as_i64()
            .unwrap();
        let own_path = path(api::ADMIN_ACCOUNT_USER, &[private, own]);
        // The only administrator can neither step down nor leave.
        assert_refused(
            &admin
                .send_json(Method::PUT, &own_path, &json!({ "role": "member" }))
                .await,
            StatusCode::CONFLICT,
            "last_administrator",
        );
        assert_refused(
            &admin.send_json(Method::DELETE, &own_path, &json!({})).await,
            StatusCode::CONFLICT,
            "last_administrator",
        );
        assert_refused(
            &admin
                .send_json(Method::PUT, &own_path, &json!({ "role": "owner" }))
                .await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        );
        // With a second administrator, the first may step down; then the second is the last.
        let member_path = path(api::ADMIN_ACCOUNT_USER, &[private, member]);
        let promoted = admin
            .send_json(
                Method::PUT,
                &member_path,
                &json!({ "role": "administrator" }),
            )
            .await;
        assert_eq!(promoted.status, StatusCode::OK, "{}", promoted.body);
        assert_eq!(promoted.json()["role"], "administrator");
        let stepped_down = admin
            .send_json(Method::PUT, &own_path, &json!({ "role": "member" }))
            .await;
        assert_eq!(stepped_down.status, StatusCode::OK, "{}", stepped_down.body);
        // The former member, now the only administrator, cannot leave; removes the other.
        assert_refused(
            &world
                .member
                .send_json(Method::DELETE, &member_path, &json!({}))
                .await,
            StatusCode::CONFLICT,
            "last_administrator",
        );
        let removed = world
            .member
            .send_json(Method::DELETE, &own_path, &json!({}))
            .await;
        assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
        let left = users(&world.member).await;
        assert_eq!(left.len(), 1, "{left:?}");
        assert_eq!(left[0]["role"], "administrator");
        // The removed administrator no longer sees the account.
        assert_refused(
            &admin.get(&path(api::ADMIN_ACCOUNT_USERS, &[private])).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        let audit = world
            .member
            .get(&format!("{}?account={private}", api::ADMIN_AUDIT))
            .await
            .json();
        let actions: Vec<&str> = audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["action"].as_str().unwrap())
            .take(3)
            .collect();
        assert_eq!(
            actions,
            [
                "member_removed",
                "member_role_changed",
                "member_role_changed"
            ]
        );
    }
}

// Guards the opening of an account (SPEC §5): the agency officer opens it and invites its
// first administrator, who accepts and then administers it.
#[tokio::test]
async fn an_officer_invites_the_first_administrator_of_a_new_account() {
    for database in support::databases().await {
        let world = world(&database).await;
        let opened = world
            .officer
            .send_json(
                Method::POST,
                api::ADMIN_ACCOUNTS,
                &json!({
                    "organisation_name": "Uusi Hoiva Oy",
                    "business_id": "1572860-0",
                    "account_kind": "private_sote",
                }),
            )
            .await;
        assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.body);
        let account = opened.json()["id"].as_i64().unwrap();
        let invited = world
            .officer
            .send_json(
                Method::POST,
                &path(api::ADMIN_ACCOUNT_INVITATIONS, &[account]),
                &json!({
                    "invitation_email": "paakayttaja@uusihoiva.fi",
                    "language": "fi",
                    "role": "administrator",
                }),
            )
            .await;
        assert_eq!(invited.status, StatusCode::CREATED, "{}", invited.body);
        let listed = world
            .officer
            .get(&path(api::ADMIN_ACCOUNT_USERS, &[account]))
            .await;
        assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
        assert_eq!(listed.json()["users"], json!([]));
        assert_eq!(listed.json()["invitations"][0]["state"], "pending");
        let token = token_sent_to(&world, "paakayttaja@uusihoiva.fi").await;
        let first = Client::signed_in(&world.state, "sote-card").await;
        let accepted = accept(&first, &token).await;
        assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
        assert_eq!(accepted.json()["role"], "administrator");
        // Now the account's administrator, who invites the next.
        invitation_of(&first, account, "toinen@uusihoiva.fi").await;
    }
}

// Guards the lapse of an invitation, which is stored as pending until something reads it: an
// older invitation to an address can be resent once the newer one's time has passed, unmarked.
#[tokio::test]
async fn a_lapsed_invitation_does_not_hold_its_address() {
    for database in support::databases().await {
        let world = world(&database).await;
        let admin = &world.private_admin;
        let first = invitation_of(admin, world.private, "raukeaa@esimerkki.fi").await;
        let first_id = first.json()["id"].as_i64().unwrap();
        raw(
            &database,
            &world,
            "UPDATE invitations SET expires_at = 0 WHERE email = 'raukeaa@esimerkki.fi'",
        )
        .await;
        // The first has lapsed: a second one to the address is made (and marks the first
        // expired); then the second lapses too, still marked pending.
        let second = invitation_of(admin, world.private, "raukeaa@esimerkki.fi").await;
        assert_ne!(second.json()["id"].as_i64().unwrap(), first_id);
        raw(
            &database,
            &world,
            "UPDATE invitations SET expires_at = 0 \
             WHERE email = 'raukeaa@esimerkki.fi' AND state = 'pending'",
        )
        .await;
        let resend = path(api::ADMIN_INVITATION_RESEND, &[world.private, first_id]);
        let resent = admin.send_json(Method::POST, &resend, &json!({})).await;
        assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
        assert_eq!(resent.json()["state"], "pending");
    }
}
