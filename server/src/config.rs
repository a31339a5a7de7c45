//! The server's configuration: flags, each with an environment variable, and embedded
//! defaults that work on a developer's machine with no configuration at all; and the command
//! line around it, `server` (serve) or `server backup`.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};
use contract::body::OperatorResponse;
use domain::{CalendarDate, Email};

use crate::identity_codes::IdentityCodeKey;
use crate::mail::{MailConfigError, SmtpSettings};
use crate::oidc::OidcSettings;

/// The database when none is configured.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:professionals.sqlite3";

/// The command line: with no subcommand the server serves with [`Config`]; a subcommand does
/// one maintenance job and exits.
#[derive(Debug, Parser)]
#[command(
    name = "server",
    version,
    about = "The professionals' section: API and app",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A maintenance job in place of serving.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The configuration to serve with.
    #[command(flatten)]
    pub config: Config,
}

/// The maintenance jobs.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Copies the SQLite database into FILE, safely while the server is serving (SQLite's
    /// online backup API). FILE gets its name only once complete and on disk.
    Backup(BackupArgs),
}

/// `server backup`.
#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// Where to write the backup. Refused if the file exists, unless `--force`.
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,

    /// The database to back up, as the server reads it.
    #[arg(long, env = "MTT_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database_url: String,

    /// Replace FILE if it exists (once the new backup is complete).
    #[arg(long)]
    pub force: bool,
}

/// The server's configuration.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "server",
    version,
    about = "The professionals' section: API and app"
)]
pub struct Config {
    /// Address to listen on. Port 0 picks a free port (the tests use it).
    #[arg(long, env = "MTT_ADDRESS", default_value = "127.0.0.1:8080")]
    pub address: String,

    /// The database. `sqlite:` URLs name a file that is created on first start.
    #[arg(long, env = "MTT_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database_url: String,

    /// The trunk-built app to serve (the folder holding `index.html`).
    #[arg(long, env = "MTT_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,

    /// Production mode: secure (`__Host-`) session cookies, and no development identity
    /// provider (the server refuses to start with it).
    #[arg(long, env = "MTT_PRODUCTION", action = ArgAction::Set, default_value_t = false)]
    pub production: bool,

    /// The development identity provider: a page of fixed test identities. On by default;
    /// refused in production mode.
    #[arg(long, env = "MTT_DEV_IDENTITY_PROVIDER", action = ArgAction::Set, default_value_t = true)]
    pub dev_identity_provider: bool,

    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "MTT_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u32,

    /// Sign-in attempts a client address may make at once; after that, one more every
    /// three seconds (429 `too_many_attempts` in between).
    #[arg(long, env = "MTT_SIGN_IN_BURST", default_value_t = 30)]
    pub sign_in_burst: u32,

    /// Hours after sign-in after which a session ends however active it is.
    #[arg(long, env = "MTT_SESSION_ABSOLUTE_HOURS", default_value_t = 12)]
    pub session_absolute_hours: u32,

    /// The address users reach the service at (`https://…`); OpenID Connect providers send
    /// users back to `<public URL>/auth/callback`. Defaults to `http://<address>`.
    #[arg(long, env = "MTT_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Other origins whose state-changing requests are accepted, comma-separated (the CSRF
    /// check otherwise wants the server's own). Unset: in development, the designers'
    /// `trunk serve` (`http://127.0.0.1:8081`, `http://localhost:8081`); in production, none.
    #[arg(long, env = "MTT_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Option<Vec<String>>,

    /// Seconds a client may take to send a request's headers (and an idle keep-alive
    /// connection may wait for its next request) before the connection is closed.
    #[arg(long, env = "MTT_HEADER_READ_TIMEOUT_SECS", default_value_t = 10)]
    pub header_read_timeout_secs: u64,

    /// Seconds a client may take to send a request's body, counted from its headers; then
    /// 408 `request_timeout` and the connection is closed. An upload (a registrar's training
    /// certificate) gets at least 120 seconds.
    #[arg(long, env = "MTT_BODY_READ_TIMEOUT_SECS", default_value_t = 10)]
    pub body_read_timeout_secs: u64,

    /// Connections served at once; further clients wait in the listen queue until one
    /// closes. Each takes a file descriptor: keep it under `ulimit -n`.
    #[arg(long, env = "MTT_MAX_CONNECTIONS", default_value_t = 10_000)]
    pub max_connections: usize,

    /// Behind a load balancer: take the client's address for the sign-in rate limit from the
    /// last hop of `X-Forwarded-For` (or `Forwarded`), which the balancer appends. Only where a
    /// balancer sets it: otherwise a client could name any address.
    #[arg(long, env = "MTT_TRUST_PROXY_HEADERS", action = ArgAction::Set, default_value_t = false)]
    pub trust_proxy_headers: bool,

    /// The first agency officer of the registration-point administration, as the account key
    /// of their sign-in (`suomifi:SUBJECT`); made an officer at start (nothing changes if they
    /// are one). Officers are data of this service after that. Unset with the development
    /// identity provider on: its test officer (`suomifi:dev-officer-1`).
    #[arg(long, env = "MTT_FIRST_OFFICER")]
    pub first_officer: Option<String>,

    /// The key that seals personal identity codes in the database (service-relationship
    /// certificates, card orders) and keys their blind index: 32 random bytes as 64 hex digits
    /// or base64 (`openssl rand -hex 32`). Required in production; unset in development, an
    /// embedded example key that protects nothing. Changing it makes the stored codes
    /// unreadable: see ARCHITECTURE.md, "Personal identity codes at rest", for rotation.
    #[arg(
        long,
        env = "MTT_IDENTITY_CODE_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    pub identity_code_key: Option<IdentityCodeKey>,

    /// The operator's facts for the accessibility statement and the privacy notice.
    #[command(flatten)]
    pub operator: OperatorSettings,

    /// The SMTP server email is sent through (`--smtp-host` …); unset, messages stay in the
    /// outbox.
    #[command(flatten)]
    pub smtp: SmtpSettings,

    /// The OpenID Connect provider of each sign-in method: `--oidc-<key>-issuer`,
    /// `--oidc-<key>-client-id` and `--oidc-<key>-client-secret`, with the variables
    /// `MTT_OIDC_<KEY>_{ISSUER,CLIENT_ID,CLIENT_SECRET}` (see `oidc::settings`). Last, as the
    /// flags are under their own heading in `--help`.
    #[command(flatten)]
    pub oidc: OidcSettings,
}

/// The facts that differ per operator, which the accessibility statement and the privacy
/// notice show (`GET /api/operator`). Each is required in production mode; in development a
/// missing one is a marked example ([`OperatorSettings::resolve`]).
#[derive(Debug, Clone, Default, Args)]
#[command(
    next_help_heading = "Operator's facts (the accessibility statement and the privacy notice; required in production)"
)]
pub struct OperatorSettings {
    /// The controller of the personal data (rekisterinpitäjä), e.g. the wellbeing services
    /// county that runs the service.
    #[arg(long, env = "MTT_CONTROLLER_NAME")]
    pub controller_name: Option<String>,

    /// How to reach the controller: postal address, telephone, e-mail, as one text.
    #[arg(long, env = "MTT_CONTROLLER_CONTACT")]
    pub controller_contact: Option<String>,

    /// How to reach the controller's data protection officer, as one text.
    #[arg(long, env = "MTT_DATA_PROTECTION_OFFICER")]
    pub data_protection_officer: Option<String>,

    /// The e-mail address for feedback on accessibility (the statement's feedback channel).
    #[arg(long, env = "MTT_ACCESSIBILITY_FEEDBACK", value_name = "EMAIL")]
    pub accessibility_feedback: Option<Email>,

    /// The date of the accessibility statement, YYYY-MM-DD.
    #[arg(
        long,
        env = "MTT_ACCESSIBILITY_STATEMENT_DATE",
        value_name = "YYYY-MM-DD"
    )]
    pub accessibility_statement_date: Option<CalendarDate>,

    /// The date the service's accessibility was last assessed, YYYY-MM-DD (not after the
    /// statement's date).
    #[arg(
        long,
        env = "MTT_ACCESSIBILITY_ASSESSED_DATE",
        value_name = "YYYY-MM-DD"
    )]
    pub accessibility_assessed_date: Option<CalendarDate>,
}

/// The development server's stand-ins for the operator's facts: plainly examples, with
/// addresses under `example.invalid`, which cannot reach anybody.
pub mod examples {
    /// The controller's name.
    pub const CONTROLLER_NAME: &str = "Esimerkkirekisterinpitäjä (Example controller)";
    /// The controller's contact.
    pub const CONTROLLER_CONTACT: &str =
        "Esimerkkikatu 1, 00000 Esimerkkilä; kirjaamo@example.invalid (example address)";
    /// The data protection officer's contact.
    pub const DATA_PROTECTION_OFFICER: &str = "Esimerkki tietosuojavastaava (example data protection officer), tietosuoja@example.invalid";
    /// The accessibility feedback address.
    pub const ACCESSIBILITY_FEEDBACK: &str = "saavutettavuus@example.invalid";
    /// The statement's date.
    pub const STATEMENT_DATE: &str = "2025-06-01";
    /// The last assessment's date.
    pub const ASSESSED_DATE: &str = "2025-05-20";
}

impl OperatorSettings {
    /// The variables of the facts not given (or given blank), in the order of `--help`.
    pub fn missing(&self) -> Vec<&'static str> {
        let blank =
            |text: &Option<String>| text.as_deref().is_none_or(|text| text.trim().is_empty());
        [
            (blank(&self.controller_name), "MTT_CONTROLLER_NAME"),
            (blank(&self.controller_contact), "MTT_CONTROLLER_CONTACT"),
            (
                blank(&self.data_protection_officer),
                "MTT_DATA_PROTECTION_OFFICER",
            ),
            (
                self.accessibility_feedback.is_none(),
                "MTT_ACCESSIBILITY_FEEDBACK",
            ),
            (
                self.accessibility_statement_date.is_none(),
                "MTT_ACCESSIBILITY_STATEMENT_DATE",
            ),
            (
                self.accessibility_assessed_date.is_none(),
                "MTT_ACCESSIBILITY_ASSESSED_DATE",
            ),
        ]
        .into_iter()
        .filter_map(|(missing, variable)| missing.then_some(variable))
        .collect()
    }

    /// The facts as the pages show them: the configured ones, and for each missing one its
    /// [`examples`] value (only development gets that far: production refuses to start).
    pub fn resolve(
        &self,
        session_idle_minutes: u32,
        session_absolute_hours: u32,
    ) -> OperatorResponse {
        let text = |configured: &Option<String>, example: &str| {
            configured
                .as_deref()
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .unwrap_or(example)
                .to_owned()
        };
        let example_date = |text: &str| text.parse().expect("the example dates are dates");
        OperatorResponse {
            controller_name: text(&self.controller_name, examples::CONTROLLER_NAME),
            controller_contact: text(&self.controller_contact, examples::CONTROLLER_CONTACT),
            data_protection_officer: text(
                &self.data_protection_officer,
                examples::DATA_PROTECTION_OFFICER,
            ),
            accessibility_feedback: self.accessibility_feedback.clone().unwrap_or_else(|| {
                examples::ACCESSIBILITY_FEEDBACK
                    .parse()
                    .expect("the example address is an address")
            }),
            statement_date: self
                .accessibility_statement_date
                .clone()
                .unwrap_or_else(|| example_date(examples::STATEMENT_DATE)),
            assessed_date: self
                .accessibility_assessed_date
                .clone()
                .unwrap_or_else(|| example_date(examples::ASSESSED_DATE)),
            session_idle_minutes,
            session_absolute_hours,
            examples: !self.missing().is_empty(),
        }
    }
}

/// Settings that do not go together; each says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The development identity provider in production mode.
    #[error(
        "the development identity provider cannot run in production mode; \
         set MTT_DEV_IDENTITY_PROVIDER=false (or --dev-identity-provider false)"
    )]
    DevelopmentProviderInProduction,
    /// A sign-in burst of zero.
    #[error("the sign-in burst must allow at least one attempt")]
    NoSignInBurst,
    /// A session timeout of zero.
    #[error("session timeouts must be at least one minute and one hour")]
    NoSessionTime,
    /// A read timeout of zero.
    #[error("the header and body read timeouts must be at least one second")]
    NoReadTime,
    /// No connection allowed.
    #[error("the server must accept at least one connection")]
    NoConnections,
    /// The first officer is not an account key.
    #[error(
        "MTT_FIRST_OFFICER (--first-officer) is the account key of a sign-in: \
         suomifi:SUBJECT or organisation:CODE:SUBJECT"
    )]
    FirstOfficerMalformed,
    /// OpenID Connect providers without the address users return to.
    #[error(
        "OpenID Connect providers need the address users return to: set MTT_PUBLIC_URL \
         (or --public-url)"
    )]
    PublicUrlRequired,
    /// Production mode without a key for personal identity codes.
    #[error(
        "production mode needs its own key for personal identity codes: set \
         MTT_IDENTITY_CODE_KEY (or --identity-code-key) to 32 random bytes as 64 hex digits \
         (`openssl rand -hex 32`); the development example key protects nothing"
    )]
    IdentityCodeKeyMissing,
    /// Production mode without the operator's facts (the variables named).
    #[error(
        "production mode needs the operator's facts for the accessibility statement and the \
         privacy notice; set {} (or the flags of the same names, e.g. --controller-name)",
        .0.join(", ")
    )]
    OperatorFactsMissing(Vec<&'static str>),
    /// An accessibility assessment dated after the statement that reports it.
    #[error(
        "the accessibility assessment ({assessed}) is dated after the statement ({statement}); \
         the statement must be dated on or after its last assessment \
         (MTT_ACCESSIBILITY_STATEMENT_DATE, MTT_ACCESSIBILITY_ASSESSED_DATE)"
    )]
    AssessmentAfterStatement {
        /// The statement's date.
        statement: CalendarDate,
        /// The assessment's date.
        assessed: CalendarDate,
    },
    /// The SMTP settings cannot be used.
    #[error(transparent)]
    Mail(#[from] MailConfigError),
}

impl Config {
    /// The embedded defaults with a database, an app folder and an address of the caller's
    /// choosing (for tests and tools; no environment variable is read).
    pub fn for_tests(database_url: String, dist_dir: PathBuf) -> Config {
        Config {
            address: "127.0.0.1:0".into(),
            database_url,
            dist_dir,
            production: false,
            dev_identity_provider: true,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            sign_in_burst: 30,
            public_url: None,
            allowed_origins: None,
            header_read_timeout_secs: 10,
            body_read_timeout_secs: 10,
            max_connections: 10_000,
            trust_proxy_headers: false,
            first_officer: None,
            identity_code_key: None,
            operator: OperatorSettings::default(),
            smtp: SmtpSettings::default(),
            oidc: OidcSettings::default(),
        }
    }

    /// The origins accepted besides the server's own (see `allowed_origins`).
    pub fn allowed_origins(&self) -> Vec<String> {
        match (&self.allowed_origins, self.production) {
            (Some(origins), _) => origins.clone(),
            (None, false) => vec![
                "http://127.0.0.1:8081".to_owned(),
                "http://localhost:8081".to_owned(),
            ],
            (None, true) => Vec::new(),
        }
    }

    /// Where users reach the service: the configured public URL, else `http://<address>`.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.address))
    }

    /// Checks the combination of settings before anything starts.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.production && self.dev_identity_provider {
            return Err(ConfigError::DevelopmentProviderInProduction);
        }
        if self.sign_in_burst == 0 {
            return Err(ConfigError::NoSignInBurst);
        }
        if self.session_idle_minutes == 0 || self.session_absolute_hours == 0 {
            return Err(ConfigError::NoSessionTime);
        }
        if self.header_read_timeout_secs == 0 || self.body_read_timeout_secs == 0 {
            return Err(ConfigError::NoReadTime);
        }
        if self.max_connections == 0 {
            return Err(ConfigError::NoConnections);
        }
        if let Some(officer) = &self.first_officer
            && domain::AccountKey::parse(officer).is_none()
        {
            return Err(ConfigError::FirstOfficerMalformed);
        }
        if !self.oidc.is_empty() && self.public_url.is_none() {
            return Err(ConfigError::PublicUrlRequired);
        }
        let missing = self.operator.missing();
        if self.production && !missing.is_empty() {
            return Err(ConfigError::OperatorFactsMissing(missing));
        }
        if self.production && self.identity_code_key.is_none() {
            return Err(ConfigError::IdentityCodeKeyMissing);
        }
        self.smtp.check()?;
        let facts = self.operator_facts();
        if facts.assessed_date > facts.statement_date {
            return Err(ConfigError::AssessmentAfterStatement {
                statement: facts.statement_date,
                assessed: facts.assessed_date,
            });
        }
        Ok(())
    }

    /// What `GET /api/operator` answers: the operator's facts (examples in development where
    /// not configured) and the session times the privacy notice names.
    pub fn operator_facts(&self) -> OperatorResponse {
        self.operator
            .resolve(self.session_idle_minutes, self.session_absolute_hours)
    }

    /// The session cookie's name: with the `__Host-` prefix where the cookie is Secure.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.production {
            "__Host-mtt_session"
        } else {
            "mtt_session"
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    const HUS: [&str; 6] = [
        "--oidc-hus-issuer",
        "https://login.hus.example",
        "--oidc-hus-client-id",
        "mtt",
        "--oidc-hus-client-secret",
        "very-secret",
    ];

    #[test]
    fn a_first_officer_must_be_an_account_key() {
        let with = |officer: &str| {
            let mut config = Config::for_tests("sqlite:x".into(), PathBuf::from("dist"));
            config.first_officer = Some(officer.to_owned());
            config.check()
        };
        assert!(with("suomifi:abc-123").is_ok());
        assert!(with("organisation:HUS:abc").is_ok());
        for wrong in ["abc-123", "suomifi:", "organisation:NOPE:abc"] {
            assert!(
                matches!(with(wrong), Err(ConfigError::FirstOfficerMalformed)),
                "{wrong}"
            );
        }
    }

    #[test]
    fn an_openid_provider_on_the_command_line_reaches_the_oidc_settings() {
        let args = [
            "server",
            "--public-url",
            "https://mielenterveystalo.example",
        ];
        let config = Config::try_parse_from(args.into_iter().chain(HUS)).unwrap();
        let hus = config
            .oidc
            .get("organisation:HUS".parse().unwrap())
            .unwrap();
        assert_eq!(hus.issuer, "https://login.hus.example");
        assert_eq!(hus.client_id, "mtt");
        assert_eq!(hus.client_secret, "very-secret");
        assert!(config.oidc.get("suomifi".parse().unwrap()).is_none());
        assert_eq!(config.check(), Ok(()));
        assert!(!format!("{config:?}").contains("very-secret"));

        let without_public_url = Config::try_parse_from(["server"].into_iter().chain(HUS)).unwrap();
        assert_eq!(
            without_public_url.check(),
            Err(ConfigError::PublicUrlRequired)
        );
    }

    #[test]
    fn an_openid_provider_without_its_client_id_is_refused() {
        let args = [
            "server",
            "--oidc-pshva-issuer",
            "https://login.pshva.example",
        ];
        let error =
            Config::try_parse_from(args.into_iter().chain(["--oidc-pshva-client-secret", "s"]))
                .unwrap_err()
                .to_string();
        assert!(error.contains("--oidc-pshva-client-id"), "{error}");
        assert!(error.contains("MTT_OIDC_PSHVA_CLIENT_ID"), "{error}");

        let error = Config::try_parse_from(["server", "--oidc-suomifi-issuer", "not a url"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("--oidc-suomifi-issuer"), "{error}");
    }

    #[test]
    fn without_a_subcommand_the_server_serves_with_every_flag() {
        let cli =
            Cli::try_parse_from(["server", "--address", "127.0.0.1:0", "--sign-in-burst", "5"])
                .unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.config.address, "127.0.0.1:0");
        assert_eq!(cli.config.sign_in_burst, 5);
        let help = Cli::command().render_long_help().to_string();
        assert!(help.contains("--oidc-hus-issuer"), "{help}");
        assert!(help.contains("backup"), "{help}");
    }

    #[test]
    fn backup_takes_a_file_a_database_url_and_force() {
        let cli = Cli::try_parse_from([
            "server",
            "backup",
            "--to",
            "copy.sqlite3",
            "--database-url",
            "sqlite:live.sqlite3",
            "--force",
        ])
        .unwrap();
        let Some(Command::Backup(backup)) = cli.command else {
            panic!("not a backup: {cli:?}");
        };
        assert_eq!(backup.to, PathBuf::from("copy.sqlite3"));
        assert_eq!(backup.database_url, "sqlite:live.sqlite3");
        assert!(backup.force);

        assert!(Cli::try_parse_from(["server", "backup"]).is_err());
        // A serving flag before the subcommand would be silently ignored: refused.
        assert!(Cli::try_parse_from(["server", "--address", "x", "backup", "--to", "f"]).is_err());
    }

    const OPERATOR: [&str; 12] = [
        "--controller-name",
        "Hyvinvointialue X",
        "--controller-contact",
        "kirjaamo@hyvinvointialue-x.example",
        "--data-protection-officer",
        "tietosuoja@hyvinvointialue-x.example",
        "--accessibility-feedback",
        "saavutettavuus@hyvinvointialue-x.example",
        "--accessibility-statement-date",
        "2025-09-01",
        "--accessibility-assessed-date",
        "2025-08-15",
    ];

    // Guards SPEC §6: a production server never shows example facts in its statement and
    // notice; it refuses to start, naming every fact it lacks.
    #[test]
    fn production_refuses_to_start_without_the_operators_facts() {
        let production = [
            "server",
            "--production",
            "true",
            "--dev-identity-provider",
            "false",
        ];
        let config = Config::try_parse_from(production).unwrap();
        assert_eq!(
            config.check(),
            Err(ConfigError::OperatorFactsMissing(vec![
                "MTT_CONTROLLER_NAME",
                "MTT_CONTROLLER_CONTACT",
                "MTT_DATA_PROTECTION_OFFICER",
                "MTT_ACCESSIBILITY_FEEDBACK",
                "MTT_ACCESSIBILITY_STATEMENT_DATE",
                "MTT_ACCESSIBILITY_ASSESSED_DATE",
            ]))
        );
        let message = config.check().unwrap_err().to_string();
        assert!(message.contains("MTT_DATA_PROTECTION_OFFICER"), "{message}");

        // A blank name counts as none.
        let mut blank_name = OPERATOR;
        blank_name[1] = "  ";
        let blank = Config::try_parse_from(production.into_iter().chain(blank_name)).unwrap();
        assert_eq!(
            blank.check(),
            Err(ConfigError::OperatorFactsMissing(vec![
                "MTT_CONTROLLER_NAME"
            ]))
        );

        let complete = Config::try_parse_from(
            production
                .into_iter()
                .chain(OPERATOR)
                .chain(["--identity-code-key", KEY]),
        )
        .unwrap();
        assert_eq!(complete.check(), Ok(()));
        let facts = complete.operator_facts();
        assert_eq!(facts.controller_name, "Hyvinvointialue X");
        assert_eq!(facts.statement_date.as_str(), "2025-09-01");
        assert!(!facts.examples);
    }

    /// A key of a test, not the development example (a production run must name its own).
    const KEY: &str = "3f9a1c7e5b2d4f6081a3c5e7092b4d6f8e1a3c5b7d9f0e2a4c6b8d0f1e3a5c7b";

    // Guards the promise that a production database never holds identity codes sealed with
    // the public development example: without a key of its own, production does not start.
    #[test]
    fn production_refuses_to_start_without_an_identity_code_key() {
        let production = [
            "server",
            "--production",
            "true",
            "--dev-identity-provider",
            "false",
        ];
        let without = Config::try_parse_from(production.into_iter().chain(OPERATOR)).unwrap();
        assert_eq!(without.check(), Err(ConfigError::IdentityCodeKeyMissing));
        assert!(
            without
                .check()
                .unwrap_err()
                .to_string()
                .contains("MTT_IDENTITY_CODE_KEY")
        );
        let with = Config::try_parse_from(
            production
                .into_iter()
                .chain(OPERATOR)
                .chain(["--identity-code-key", KEY]),
        )
        .unwrap();
        assert_eq!(with.check(), Ok(()));
        // Never printed, not even by the configuration's Debug.
        assert!(!format!("{with:?}").contains(KEY));
        // A malformed key is refused when the flags are read, naming the flag.
        let error = Config::try_parse_from(["server", "--identity-code-key", "secret"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("--identity-code-key"), "{error}");
        // Development starts without one (the embedded example).
        let development = Config::try_parse_from(["server"]).unwrap();
        assert_eq!(development.check(), Ok(()));
        assert!(development.identity_code_key.is_none());
    }

    #[test]
    fn development_fills_missing_facts_with_marked_examples() {
        let config = Config::try_parse_from(["server", "--controller-name", "Oma nimi"]).unwrap();
        assert_eq!(config.check(), Ok(()));
        let facts = config.operator_facts();
        assert_eq!(facts.controller_name, "Oma nimi");
        assert_eq!(facts.controller_contact, examples::CONTROLLER_CONTACT);
        assert_eq!(
            facts.accessibility_feedback.as_str(),
            "saavutettavuus@example.invalid"
        );
        assert!(facts.examples);
        assert_eq!(facts.session_idle_minutes, 30);
        for example in [
            examples::CONTROLLER_NAME,
            examples::CONTROLLER_CONTACT,
            examples::DATA_PROTECTION_OFFICER,
        ] {
            assert!(example.contains("Esimerkki"), "{example}");
            assert!(example.contains("xample"), "{example}");
        }
    }

    #[test]
    fn operator_facts_that_are_not_what_they_say_are_refused() {
        for (flag, value) in [
            ("--accessibility-feedback", "not an address"),
            ("--accessibility-statement-date", "1.6.2025"),
            ("--accessibility-assessed-date", "2025-02-30"),
        ] {
            let error = Config::try_parse_from(["server", flag, value])
                .unwrap_err()
                .to_string();
            assert!(error.contains(flag), "{error}");
        }
        let reversed = Config::try_parse_from([
            "server",
            "--accessibility-statement-date",
            "2025-01-01",
            "--accessibility-assessed-date",
            "2025-01-02",
        ])
        .unwrap();
        assert!(matches!(
            reversed.check(),
            Err(ConfigError::AssessmentAfterStatement { .. })
        ));
    }

    #[test]
    fn help_lists_the_openid_flags_of_every_method_and_hides_the_secrets() {
        let help = Config::command().render_long_help().to_string();
        for key in [
            "suomifi", "hus", "oys", "tyks", "pshva", "pirha", "lshp", "soite", "paijatha",
        ] {
            for setting in ["issuer", "client-id", "client-secret"] {
                assert!(
                    help.contains(&format!("--oidc-{key}-{setting}")),
                    "{key} {setting}"
                );
            }
        }
        assert!(help.contains("MTT_OIDC_PAIJATHA_CLIENT_SECRET"));
    }
}
