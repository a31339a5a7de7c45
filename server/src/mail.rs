//! Email: the SMTP settings (flags with environment variables), the worker that sends the
//! outbox, and the development page that lists it.
//!
//! A change that sends email writes the message to the outbox table in its own transaction
//! (`storage/invitations.rs`), so a message exists exactly when its change does. The worker
//! ([`spawn_worker`], started with the server when `--smtp-host` is set) claims one due message
//! at a time, sends it, and marks it sent; a failure releases it with a growing delay and the
//! error, and it is tried again, never dropped. Without an SMTP host the messages stay in the
//! outbox, and in development `GET /dev/outbox` lists them.

pub mod texts;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use clap::{Args, ValueEnum};
use contract::ErrorCode;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use time::OffsetDateTime;
use tokio::sync::Notify;

use crate::AppState;
use crate::dev_idp::escape;
use crate::storage::Storage;
use crate::storage::invitations::{ClaimedMessage, backoff_seconds};

/// The sender when `--mail-from` is not set (development only: the address cannot receive).
pub const DEFAULT_MAIL_FROM: &str = "Mielenterveystalo <noreply@example.invalid>";

/// How long a claim holds a message: well over an SMTP exchange's time-out, so a worker that
/// is still sending is never overtaken; after it, a worker that died mid-send is overtaken.
pub const LEASE_SECONDS: i64 = 120;
/// How long one SMTP exchange may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// How often an idle worker looks for due messages (retries, another replica's enqueues);
/// an enqueue on this replica wakes it at once.
const POLL: Duration = Duration::from_secs(2);

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SmtpTls {
    /// Plain SMTP (a relay on the same host or network only; the tests' server).
    None,
    /// STARTTLS, required (port 587 by default).
    #[default]
    Starttls,
    /// TLS from the first byte ("SMTPS", port 465 by default).
    Tls,
}

/// The SMTP server the outbox is sent through. Without `--smtp-host` (the embedded default)
/// nothing is sent: messages stay in the outbox. Its `Debug` never shows the password.
#[derive(Clone, Default, Args)]
#[command(next_help_heading = "Email (SMTP)")]
pub struct SmtpSettings {
    /// The SMTP server's host. Unset: messages stay in the outbox (listed at `/dev/outbox`
    /// in development).
    #[arg(long, env = "MTT_SMTP_HOST")]
    pub smtp_host: Option<String>,

    /// The SMTP server's port (default by `--smtp-tls`: 25, 587 or 465).
    #[arg(long, env = "MTT_SMTP_PORT")]
    pub smtp_port: Option<u16>,

    /// How the connection is secured: none, starttls or tls.
    #[arg(long, env = "MTT_SMTP_TLS", value_enum, default_value_t = SmtpTls::Starttls)]
    pub smtp_tls: SmtpTls,

    /// The user name, if the server wants one (then also the password).
    #[arg(long, env = "MTT_SMTP_USERNAME")]
    pub smtp_username: Option<String>,

    /// The password of `--smtp-username`.
    #[arg(long, env = "MTT_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,

    /// The sender, `Name <address>` or an address.
    #[arg(long, env = "MTT_MAIL_FROM")]
    pub mail_from: Option<String>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("SmtpSettings")
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("smtp_tls", &self.smtp_tls)
            .field("smtp_username", &self.smtp_username)
            .field("smtp_password", &self.smtp_password.as_ref().map(|_| "…"))
            .field("mail_from", &self.mail_from)
            .finish()
    }
}

/// Why the SMTP settings cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailConfigError {
    /// The sender is no mailbox.
    #[error("MTT_MAIL_FROM (--mail-from) is not an address or `Name <address>`: {0}")]
    MailFrom(String),
    /// A user name without a password, or the other way round.
    #[error("MTT_SMTP_USERNAME and MTT_SMTP_PASSWORD go together")]
    HalfCredentials,
    /// The transport could not be made for the host.
    #[error("SMTP server {0}: {1}")]
    Transport(String, String),
}

impl SmtpSettings {
    /// The sender.
    pub fn from_mailbox(&self) -> Result<Mailbox, MailConfigError> {
        let from = self.mail_from.as_deref().unwrap_or(DEFAULT_MAIL_FROM);
        from.parse()
            .map_err(|_| MailConfigError::MailFrom(from.to_owned()))
    }

    /// The transport, when an SMTP host is configured.
    pub fn transport(&self) -> Result<Option<AsyncSmtpTransport<Tokio1Executor>>, MailConfigError> {
        let Some(host) = self.smtp_host.as_deref() else {
            return Ok(None);
        };
        let failed = |error: lettre::transport::smtp::Error| {
            MailConfigError::Transport(host.to_owned(), error.to_string())
        };
        let tls = |host: &str| TlsParameters::new(host.to_owned()).map_err(failed);
        let (security, default_port) = match self.smtp_tls {
            SmtpTls::None => (Tls::None, 25),
            SmtpTls::Starttls => (Tls::Required(tls(host)?), 587),
            SmtpTls::Tls => (Tls::Wrapper(tls(host)?), 465),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(self.smtp_port.unwrap_or(default_port))
            .tls(security)
            .timeout(Some(SMTP_TIMEOUT));
        match (&self.smtp_username, &self.smtp_password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (None, None) => {}
            _ => return Err(MailConfigError::HalfCredentials),
        }
        Ok(Some(builder.build()))
    }

    /// Checks the settings before the server starts.
    pub fn check(&self) -> Result<(), MailConfigError> {
        self.from_mailbox()?;
        self.transport()?;
        Ok(())
    }
}

/// Wakes this replica's worker when a message is queued. Cheap to clone.
#[derive(Clone, Default)]
pub struct Outbox {
    queued: Arc<Notify>,
}

impl Outbox {
    /// Says a message was queued: the worker looks at once rather than at its next poll.
    pub fn wake(&self) {
        self.queued.notify_one();
    }
}

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// A name for this worker's claims, unique per process start.
fn worker_name() -> String {
    let mut random = [0_u8; 8];
    // Without the operating system's randomness the pid and the time still tell replicas
    // apart in practice; the claim's correctness does not rest on the name.
    let _ = getrandom::fill(&mut random);
    let random: String = random.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{random}", std::process::id(), now())
}

/// Starts the worker that sends the outbox through the configured SMTP server; none when no
/// SMTP host is configured (`Config::check` has checked the settings).
pub fn spawn_worker(
    state: &AppState,
) -> Result<Option<tokio::task::JoinHandle<()>>, MailConfigError> {
    let Some(transport) = state.config.smtp.transport()? else {
        return Ok(None);
    };
    let from = state.config.smtp.from_mailbox()?;
    let storage = state.storage.clone();
    let queued = Arc::clone(&state.outbox.queued);
    Ok(Some(tokio::spawn(async move {
        run(storage, transport, from, queued, worker_name()).await;
    })))
}

async fn run(
    storage: Storage,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    queued: Arc<Notify>,
    worker: String,
) {
    loop {
        match storage.outbox_claim(&worker, now(), LEASE_SECONDS).await {
            Ok(Some(message)) => {
                deliver(&storage, &transport, &from, &worker, message).await;
                // Straight to the next: more may be due.
                continue;
            }
            Ok(None) => {}
            Err(error) => tracing::warn!("outbox: claiming a message: {error}"),
        }
        tokio::select! {
            () = queued.notified() => {}
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

async fn deliver(
    storage: &Storage,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    worker: &str,
    message: ClaimedMessage,
) {
    let sent = match email(from, &message) {
        Ok(email) => transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|error| error.to_string()),
        Err(error) => Err(error),
    };
    let recorded = match sent {
        Ok(()) => storage.outbox_sent(message.id, worker, now()).await,
        Err(error) => {
            let retry_at = now() + backoff_seconds(message.attempts);
            tracing::warn!(
                "outbox: message {} not sent (attempt {}), again in {} s: {error}",
                message.id,
                message.attempts,
                retry_at - now()
            );
            storage
                .outbox_failed(message.id, worker, retry_at, error)
                .await
        }
    };
    match recorded {
        Ok(true) => {}
        // The lease ran out and another worker claimed it: it is theirs now.
        Ok(false) => tracing::warn!("outbox: message {} was claimed by another", message.id),
        // The SMTP server may have accepted it: after the lease another worker sends it
        // again (at least once; see ARCHITECTURE.md).
        Err(error) => tracing::error!("outbox: recording message {}: {error}", message.id),
    }
}

fn email(from: &Mailbox, message: &ClaimedMessage) -> Result<Message, String> {
    let to: Mailbox = message
        .recipient
        .parse()
        .map_err(|error| format!("recipient: {error}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(message.body.clone())
        .map_err(|error| error.to_string())
}

/// `GET /dev/outbox`: the newest messages of the outbox, for developers (where no SMTP server
/// is configured, the only place to read them). 404 in production mode, like the development
/// identity provider.
pub async fn outbox_page(State(state): State<AppState>) -> Response {
    if state.config.production {
        return crate::error::refusal(ErrorCode::NotFound);
    }
    let messages = match state.storage.outbox_page(i64::MAX).await {
        Ok(messages) => messages,
        Err(error) => return crate::error::AppError::from(error).into_response(),
    };
    let mut items = String::new();
    for message in &messages {
        let delivery = match (message.sent_at, &message.last_error) {
            (Some(at), _) => format!("lähetetty / sent {at}"),
            (None, Some(error)) => format!(
                "jonossa / queued; {} yritystä / attempts, viimeisin virhe / last error: {}",
                message.attempts,
                escape(error)
            ),
            (None, None) => "jonossa / queued".to_owned(),
        };
        items.push_str(&format!(
            "<article><h2>{subject}</h2><dl>\
             <dt>Vastaanottaja / To</dt><dd>{to}</dd>\
             <dt>Kieli / Language</dt><dd>{language}</dd>\
             <dt>Tila / State</dt><dd>{delivery}</dd></dl>\
             <pre>{body}</pre></article>",
            subject = escape(&message.subject),
            to = escape(&message.recipient),
            language = escape(&message.language),
            body = link_body(&message.body),
        ));
    }
    if messages.is_empty() {
        items.push_str("<p>Ei viestejä. No messages.</p>");
    }
    Html(format!(
        "<!DOCTYPE html><html lang=\"fi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Lähtevät viestit (kehitys) – Mielenterveystalo</title></head><body>\
         <header role=\"banner\"><p><strong>KEHITYSKÄYTTÖ – DEVELOPMENT ONLY.</strong> \
         Palvelun lähtevät sähköpostit, uusin ensin. The service's outgoing email, newest \
         first.</p></header><main><h1>Lähtevät viestit / Outbox</h1>{items}</main>\
         </body></html>"
    ))
    .into_response()
}

/// The body escaped, with its web addresses as links (the invitation's link is what a
/// developer follows).
fn link_body(body: &str) -> String {
    body.split('\n')
        .map(|line| {
            line.split(' ')
                .map(|word| {
                    if word.starts_with("http://") || word.starts_with("https://") {
                        format!("<a href=\"{0}\">{0}</a>", escape(word))
                    } else {
                        escape(word)
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_make_a_transport_only_with_a_host_and_whole_credentials() {
        let none = SmtpSettings::default();
        assert!(none.transport().unwrap().is_none());
        assert!(none.check().is_ok());
        let plain = SmtpSettings {
            smtp_host: Some("127.0.0.1".into()),
            smtp_port: Some(2525),
            smtp_tls: SmtpTls::None,
            ..SmtpSettings::default()
        };
        assert!(plain.transport().unwrap().is_some());
        let half = SmtpSettings {
            smtp_username: Some("mtt".into()),
            ..plain.clone()
        };
        let whole = SmtpSettings {
            smtp_password: Some("very-secret".into()),
            ..half.clone()
        };
        assert!(whole.check().is_ok());
        assert!(!format!("{whole:?}").contains("very-secret"));
        assert_eq!(half.check(), Err(MailConfigError::HalfCredentials));
        let bad_from = SmtpSettings {
            mail_from: Some("not an address".into()),
            ..plain
        };
        assert!(matches!(
            bad_from.check(),
            Err(MailConfigError::MailFrom(_))
        ));
    }

    #[test]
    fn links_in_a_body_are_links_and_markup_is_text() {
        assert_eq!(
            link_body("<b>\nhttp://x.fi/a?b=1&c=2 ok"),
            "&lt;b&gt;\n<a href=\"http://x.fi/a?b=1&amp;c=2\">http://x.fi/a?b=1&amp;c=2</a> ok"
        );
    }
}
