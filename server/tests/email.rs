//! Email: the outbox's claims on both backends (two claimers never hold the same message; a
//! lease that ran out lets another take over; a failed message waits for its next attempt),
//! and the worker against a real SMTP server (`tests/smtp/server.js`, which `cargo xtask test`
//! starts and names in `MTT_SMTP_CONTROL_URL` and `MTT_SMTP_PORT`): an invitation is
//! delivered; with the SMTP server stopped it stays queued, nothing lost, and once the server
//! is back it is delivered once.

mod support;

use std::collections::BTreeSet;

use domain::administration::AccountRole;
use domain::{AccountKey, Language};
use server::mail::texts::InvitationMail;
use server::storage::Storage;
use server::storage::administration::Audit;
use server::storage::invitations::NewInvitation;
use support::Client;

/// Queues `count` invitations' messages on `account` straight through the storage.
async fn queue_messages(storage: &Storage, account: i64, count: usize, at: i64) {
    for index in 0..count {
        let mut token_hash = [0_u8; 32];
        token_hash[..8].copy_from_slice(&(index as u64).to_be_bytes());
        storage
            .invitation_create(
                Audit {
                    actor: AccountKey::from_stored("suomifi:dev-private-admin-1"),
                    at,
                    action: "invitation_sent",
                },
                account,
                NewInvitation {
                    email: format!("henkilo{index}@esimerkki.fi").parse().unwrap(),
                    language: Language::Fi,
                    role: AccountRole::Member,
                    token_hash,
                    mail: InvitationMail {
                        inviter: "Pia Parviainen".into(),
                        account_name: "Esimerkki Terveyspalvelut Oy".into(),
                        administrator: false,
                        link: format!("http://127.0.0.1/hallinta/kutsu?token={index}"),
                        valid_until: at + 7 * 24 * 3600,
                    },
                },
            )
            .await
            .unwrap()
            .unwrap();
    }
}

// Guards "each message is sent once with several replicas": concurrent claimers, as replicas'
// workers are, never claim one message twice while its lease holds.
#[tokio::test]
async fn storage_claims_never_overlap() {
    for database in support::databases().await {
        let world = support::admin::world(&database).await;
        let storage = world.state.storage.clone();
        let now = 1_800_000_000;
        queue_messages(&storage, world.private, 40, now).await;
        let mut claimers = Vec::new();
        for claimer in 0..6 {
            let storage = storage.clone();
            claimers.push(tokio::spawn(async move {
                let name = format!("worker-{claimer}");
                let mut claimed = Vec::new();
                while let Some(message) = storage.outbox_claim(&name, now, 120).await.unwrap() {
                    assert_eq!(message.attempts, 1);
                    claimed.push(message.id);
                    tokio::task::yield_now().await;
                }
                claimed
            }));
        }
        let mut all = Vec::new();
        for claimer in claimers {
            all.extend(claimer.await.unwrap());
        }
        // A claimer that lost a race may stop early; whatever is left is claimed here.
        while let Some(message) = storage.outbox_claim("sweeper", now, 120).await.unwrap() {
            all.push(message.id);
        }
        let distinct: BTreeSet<i64> = all.iter().copied().collect();
        assert_eq!(
            distinct.len(),
            all.len(),
            "{}: claimed twice: {all:?}",
            database.name
        );
        assert_eq!(distinct.len(), 40, "{}", database.name);
        // Every lease holds: nothing is claimable until they end.
        assert_eq!(
            storage.outbox_claim("late", now + 119, 120).await.unwrap(),
            None
        );
    }
}

#[tokio::test]
async fn a_lease_that_ran_out_passes_on_and_a_failure_waits_for_its_attempt() {
    for database in support::databases().await {
        let world = support::admin::world(&database).await;
        let storage = world.state.storage.clone();
        let now = 1_800_000_000;
        queue_messages(&storage, world.private, 1, now).await;
        let first = storage.outbox_claim("a", now, 120).await.unwrap().unwrap();
        // "a" died: after its lease, "b" takes the message over; "a" can no longer mark it.
        let second = storage
            .outbox_claim("b", now + 120, 120)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(second.id, first.id);
        assert_eq!(second.attempts, 2);
        assert!(!storage.outbox_sent(first.id, "a", now + 121).await.unwrap());
        // "b" fails; the message waits for its next attempt, with the error kept.
        assert!(
            storage
                .outbox_failed(first.id, "b", now + 150, "connection refused".into())
                .await
                .unwrap()
        );
        assert_eq!(
            storage.outbox_claim("c", now + 149, 120).await.unwrap(),
            None
        );
        let listed = storage.outbox_page(i64::MAX).await.unwrap();
        assert_eq!(listed[0].last_error.as_deref(), Some("connection refused"));
        assert_eq!(listed[0].sent_at, None);
        let third = storage
            .outbox_claim("c", now + 150, 120)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(third.attempts, 3);
        assert!(storage.outbox_sent(third.id, "c", now + 151).await.unwrap());
        // Sent is final: never claimed again, not even after every lease.
        assert_eq!(
            storage.outbox_claim("d", now + 10_000, 120).await.unwrap(),
            None
        );
        let listed = storage.outbox_page(i64::MAX).await.unwrap();
        assert_eq!(listed[0].sent_at, Some(now + 151));
        assert_eq!(listed[0].last_error, None);
        // Sent, its link (a working key while queued) is cut out of the stored text.
        assert!(!listed[0].body.contains("token="), "{}", listed[0].body);
        assert!(
            listed[0]
                .body
                .contains(server::storage::invitations::SECRET_REMOVED),
            "{}",
            listed[0].body
        );
    }
}

// Guards the development page: it lists what is queued, links the invitation's link, escapes
// what it shows, and does not exist in production mode.
#[tokio::test]
async fn the_development_outbox_page_lists_messages_and_production_has_none() {
    let database = &support::databases().await[0];
    let world = support::admin::world(database).await;
    let created = world
        .private_admin
        .send_json(
            axum::http::Method::POST,
            &support::admin::path(
                contract::paths::api::ADMIN_ACCOUNT_INVITATIONS,
                &[world.private],
            ),
            &serde_json::json!({ "invitation_email": "sivu@esimerkki.fi", "language": "en" }),
        )
        .await;
    assert_eq!(
        created.status,
        axum::http::StatusCode::CREATED,
        "{}",
        created.body
    );
    let page = Client::new(&world.state).get("/dev/outbox").await;
    assert_eq!(page.status, axum::http::StatusCode::OK);
    assert!(page.body.contains("<html lang=\"fi\">"), "{}", page.body);
    assert!(page.body.contains("sivu@esimerkki.fi"), "{}", page.body);
    assert!(
        page.body
            .contains("Invitation to the customer account: Esimerkki Terveyspalvelut Oy"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<a href=\"http://127.0.0.1:0/hallinta/kutsu?token="),
        "{}",
        page.body
    );
    assert!(page.body.contains("jonossa / queued"), "{}", page.body);

    let (production, _folder) = support::test_state(|config| config.production = true).await;
    let refused = Client::new(&production).get("/dev/outbox").await;
    assert_eq!(refused.status, axum::http::StatusCode::NOT_FOUND);
    assert_eq!(refused.json()["code"], "not_found");
}

/// The test SMTP server's control API (`tests/smtp/server.js`): its URL and its SMTP port,
/// or none (skipped with a note; never in CI).
fn smtp_server() -> Option<(String, u16)> {
    let control = std::env::var("MTT_SMTP_CONTROL_URL").ok();
    let port = std::env::var("MTT_SMTP_PORT")
        .ok()
        .and_then(|port| port.parse().ok());
    match (control, port) {
        (Some(control), Some(port)) => Some((control, port)),
        _ if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!(
                "CI runs the email tests against the test SMTP server: set MTT_SMTP_CONTROL_URL and MTT_SMTP_PORT"
            )
        }
        _ => {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "note: the SMTP delivery test was skipped (MTT_SMTP_CONTROL_URL and \
                 MTT_SMTP_PORT are not set; `cargo xtask test` starts tests/smtp/server.js and \
                 sets them)"
            );
            None
        }
    }
}

/// `METHOD path` of the control API; the answer's body as JSON.
async fn control(url: &str, method: &str, path: &str) -> serde_json::Value {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            format!(
                "{method} {path} HTTP/1.0\r\nHost: {address}\r\nContent-Length: 0\r\n\
                 Connection: close\r\n\r\n"
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    assert!(
        head.split(' ').nth(1) == Some("200"),
        "{method} {path}: {head}"
    );
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {body}"))
}

/// The messages the SMTP server received for `recipient`.
async fn received(url: &str, recipient: &str) -> Vec<serde_json::Value> {
    control(url, "GET", "/messages")
        .await
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

async fn delivery_of(client: &Client, account: i64, recipient: &str) -> String {
    let users = client
        .get(&support::admin::path(
            contract::paths::api::ADMIN_ACCOUNT_USERS,
            &[account],
        ))
        .await
        .json();
    users["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|invitation| invitation["email"] == recipient)
        .map(|invitation| invitation["delivery"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

// Guards "a message is never lost when the SMTP server is down, and is delivered once it is
// back": through the real worker, the real SMTP client and a real SMTP server.
#[tokio::test]
async fn invitations_are_delivered_and_a_stopped_smtp_server_loses_nothing() {
    let Some((url, port)) = smtp_server() else {
        return;
    };
    control(&url, "POST", "/start").await;
    for database in support::databases().await {
        let world = support::admin::world(&database).await;
        let mut config = (*world.state.config).clone();
        config.smtp = server::mail::SmtpSettings {
            smtp_host: Some("127.0.0.1".into()),
            smtp_port: Some(port),
            smtp_tls: server::mail::SmtpTls::None,
            mail_from: Some("Mielenterveystalo <noreply@esimerkki.fi>".into()),
            ..server::mail::SmtpSettings::default()
        };
        // The clients' state shares the worker's wake-up (`outbox` is one `Notify`).
        let state = server::AppState {
            config: std::sync::Arc::new(config),
            ..world.state.clone()
        };
        let worker = server::mail::spawn_worker(&state).unwrap().unwrap();
        let unique = format!(
            "{}-{}-{}",
            database.name,
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        );
        let invite = |recipient: String| {
            let admin = world.private_admin.clone();
            async move {
                let answer = admin
                    .send_json(
                        axum::http::Method::POST,
                        &support::admin::path(
                            contract::paths::api::ADMIN_ACCOUNT_INVITATIONS,
                            &[world.private],
                        ),
                        &serde_json::json!({ "invitation_email": recipient, "language": "fi" }),
                    )
                    .await;
                assert_eq!(
                    answer.status,
                    axum::http::StatusCode::CREATED,
                    "{}",
                    answer.body
                );
            }
        };

        // Delivered: the SMTP server has it, with the link; the list says sent.
        let first = format!("eka-{unique}@esimerkki.fi");
        invite(first.clone()).await;
        eventually(10, "the first invitation at the SMTP server", || async {
            received(&url, &first).await.len() == 1
        })
        .await;
        let message = &received(&url, &first).await[0];
        assert_eq!(
            message["subject"],
            "Kutsu asiakastilille: Esimerkki Terveyspalvelut Oy"
        );
        assert!(
            message["text"]
                .as_str()
                .unwrap()
                .contains("/hallinta/kutsu?token="),
            "{message}"
        );
        assert!(
            message["from"]
                .as_str()
                .unwrap()
                .contains("noreply@esimerkki.fi")
        );
        eventually(5, "the first invitation shown as sent", || async {
            delivery_of(&world.private_admin, world.private, &first).await == "sent"
        })
        .await;

        // The SMTP server stops: the invitation is saved and queued, its failure recorded.
        control(&url, "POST", "/stop").await;
        let second = format!("toka-{unique}@esimerkki.fi");
        invite(second.clone()).await;
        let storage = state.storage.clone();
        eventually(10, "a failed attempt recorded", || {
            let storage = storage.clone();
            let second = second.clone();
            async move {
                storage
                    .outbox_page(i64::MAX)
                    .await
                    .unwrap()
                    .iter()
                    .any(|message| message.recipient == second && message.last_error.is_some())
            }
        })
        .await;
        assert_eq!(
            delivery_of(&world.private_admin, world.private, &second).await,
            "queued"
        );
        // Back: delivered once (the retry comes 5 s after the first failure).
        control(&url, "POST", "/start").await;
        eventually(20, "the queued invitation at the SMTP server", || async {
            !received(&url, &second).await.is_empty()
        })
        .await;
        eventually(5, "the queued invitation shown as sent", || async {
            delivery_of(&world.private_admin, world.private, &second).await == "sent"
        })
        .await;
        // Once: give a second worker poll the chance to send it again, then count.
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        assert_eq!(received(&url, &second).await.len(), 1);
        assert_eq!(received(&url, &first).await.len(), 1);
        let stored = state.storage.outbox_page(i64::MAX).await.unwrap();
        assert!(
            stored.iter().all(|message| message.sent_at.is_some()),
            "{stored:?}"
        );
        assert!(
            stored
                .iter()
                .all(|message| !message.body.contains("token=")),
            "{stored:?}"
        );
        worker.abort();
    }
}
