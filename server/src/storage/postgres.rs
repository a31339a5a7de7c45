//! The PostgreSQL backend, for several stateless server replicas on one database: a pool of
//! connections (deadpool-postgres over tokio-postgres), each write its own transaction,
//! answered after PostgreSQL's commit (which is durable with the server's default
//! `synchronous_commit = on`; concurrent commits share WAL flushes, PostgreSQL's own group
//! commit). Every statement of a request is prepared once per connection (`prepare_cached`), so
//! it costs one round trip, not a parse round trip and then an execute one. Migrations under
//! `server/migrations/postgres/` are compiled in and applied at start under an advisory lock,
//! so replicas starting together apply each exactly once. A migration adds; it never changes
//! the type of a column that replicas still running the previous version read, whose prepared
//! statements would then fail.

mod administration;
mod card_orders;
mod invitations;
mod points;
mod registrar_applications;
mod registrar_contacts;
mod registrars;

use std::time::Duration;

use deadpool_postgres::{ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime, Timeouts};
use domain::AccountKey;
use domain::registration::{Profile, Registration};
use tokio_postgres::NoTls;

use crate::storage::accounts::{AccountConflict, profile_from_row, registration_from_row};
use crate::storage::{StorageError, StoredSession};

/// The migrations, in order, each with its version. Never edit one that has shipped.
const MIGRATIONS: &[(i32, &str)] = &[
    (
        1,
        include_str!("../../migrations/postgres/0001_initial.sql"),
    ),
    (
        2,
        include_str!("../../migrations/postgres/0002_administration.sql"),
    ),
    (3, include_str!("../../migrations/postgres/0003_points.sql")),
    (
        4,
        include_str!("../../migrations/postgres/0004_invitations.sql"),
    ),
    (
        5,
        include_str!("../../migrations/postgres/0005_registrars.sql"),
    ),
    (
        6,
        include_str!("../../migrations/postgres/0006_registrar_applications.sql"),
    ),
    (
        7,
        include_str!("../../migrations/postgres/0007_registrar_contacts.sql"),
    ),
    (
        8,
        include_str!("../../migrations/postgres/0008_card_orders.sql"),
    ),
];

/// The key of the advisory lock the migrations run under (any fixed number; "mttmigr").
const MIGRATION_LOCK: i64 = 0x006d_7474_6d69_6772;

/// Connections per replica. PostgreSQL's default `max_connections` is 100; a few replicas of 16
/// fit beside the tools.
const POOL_SIZE: usize = 16;

/// How long a request waits for a connection (a free one, a new one, or a checked one) before
/// it is answered 503 `database_unavailable`: a database that is down is reported quickly,
/// not after the client has given up.
const POOL_TIMEOUT: Duration = Duration::from_secs(2);

/// Whether `error` means the database cannot be reached just now (the connection is closed or
/// broke, the server refuses connections, is shutting down or recovering) rather than a fault
/// of the SQL or the data.
pub fn is_unavailable(error: &tokio_postgres::Error) -> bool {
    use std::error::Error as _;
    use tokio_postgres::error::SqlState;
    if error.is_closed() {
        return true;
    }
    if let Some(code) = error.code() {
        // Class 08: connection exceptions; 57P01–57P03: the server shuts down, crashed, or
        // cannot take connections yet.
        return code.code().starts_with("08")
            || [
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
            ]
            .contains(code);
    }
    // Refused, reset or timed-out connections carry the operating system's error.
    let mut source = error.source();
    while let Some(cause) = source {
        if cause.is::<std::io::Error>() {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Whether the pool failed because the database cannot be reached: no connection in time, or
/// none could be made.
pub fn pool_is_unavailable(error: &deadpool_postgres::PoolError) -> bool {
    match error {
        deadpool_postgres::PoolError::Timeout(_) => true,
        deadpool_postgres::PoolError::Backend(error) => is_unavailable(error),
        _ => false,
    }
}

/// The database. Cheap to clone.
#[derive(Clone)]
pub struct Postgres {
    pool: Pool,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the URL: it may carry a password.
        formatter.debug_struct("Postgres").finish_non_exhaustive()
    }
}

impl Postgres {
    /// Connects to `url` (`postgres://…`) and applies the migrations.
    pub async fn open(url: &str) -> Result<Postgres, StorageError> {
        let mut config = deadpool_postgres::Config::new();
        config.url = Some(url.to_owned());
        // `Fast` recycling drops a connection whose socket tokio-postgres has seen close (the
        // database restarted or was killed); a request that meets a connection broken since is
        // answered 503 and the pool makes a new one for the next (the drills check this).
        config.manager = Some(ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        });
        let mut pool_config = PoolConfig::new(POOL_SIZE);
        pool_config.timeouts = Timeouts {
            wait: Some(POOL_TIMEOUT),
            create: Some(POOL_TIMEOUT),
            recycle: Some(POOL_TIMEOUT),
        };
        config.pool = Some(pool_config);
        let pool = config
            .create_pool(Some(Runtime::Tokio1), NoTls)
            .map_err(|error| StorageError::UnsupportedUrl(format!("postgres: {error}")))?;
        let postgres = Postgres { pool };
        postgres.migrate().await?;
        Ok(postgres)
    }

    async fn migrate(&self) -> Result<(), StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        transaction
            .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        transaction
            .batch_execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (\
                 version INTEGER PRIMARY KEY, \
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            )
            .await?;
        let applied: Vec<i32> = transaction
            .query("SELECT version FROM schema_migrations", &[])
            .await?
            .iter()
            .map(|row| row.get(0))
            .collect();
        for (version, sql) in MIGRATIONS {
            if applied.contains(version) {
                continue;
            }
            transaction.batch_execute(sql).await?;
            transaction
                .execute(
                    "INSERT INTO schema_migrations (version) VALUES ($1)",
                    &[version],
                )
                .await?;
        }
        transaction.commit().await?;
        Ok(())
    }

    /// Answers when the database answers a query.
    pub async fn check(&self) -> Result<(), StorageError> {
        let client = self.pool.get().await?;
        client.execute("SELECT 1", &[]).await?;
        Ok(())
    }

    /// The names of the tables the migrations created, sorted.
    pub async fn table_names(&self) -> Result<Vec<String>, StorageError> {
        let client = self.pool.get().await?;
        let rows = client
            .query(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' \
                 ORDER BY table_name",
                &[],
            )
            .await?;
        Ok(rows.iter().map(|row| row.get(0)).collect())
    }

    pub(crate) async fn registration_of(
        &self,
        account: &AccountKey,
    ) -> Result<Option<Registration>, StorageError> {
        let client = self.pool.get().await?;
        // One statement, so the registration and its organisations are of one snapshot.
        let statement = client
            .prepare_cached(
                "SELECT r.phone, r.email, \
                        coalesce(array_agg(o.code ORDER BY o.position) \
                                 FILTER (WHERE o.code IS NOT NULL), '{}') \
                 FROM registrations r \
                 LEFT JOIN registration_organisations o USING (account_key) \
                 WHERE r.account_key = $1 GROUP BY r.account_key",
            )
            .await?;
        let Some(row) = client.query_opt(&statement, &[&account.as_str()]).await? else {
            return Ok(None);
        };
        let organisations: Vec<String> = row.get(2);
        registration_from_row(account, row.get(0), row.get(1), organisations).map(Some)
    }

    pub(crate) async fn profile_of(
        &self,
        account: &AccountKey,
    ) -> Result<Option<Profile>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "SELECT professional_group, wellbeing_county FROM profiles WHERE account_key = $1",
            )
            .await?;
        let Some(row) = client.query_opt(&statement, &[&account.as_str()]).await? else {
            return Ok(None);
        };
        profile_from_row(account, row.get(0), row.get(1)).map(Some)
    }

    pub(crate) async fn registration_create(
        &self,
        account: &AccountKey,
        registration: Registration,
    ) -> Result<Result<Registration, AccountConflict>, StorageError> {
        let client = self.pool.get().await?;
        // One statement, one round trip, atomic on its own: the registration and its
        // organisations (in the user's order) are inserted together, or nothing is when the
        // account is registered already.
        let codes: Vec<String> = registration
            .organisations
            .as_slice()
            .iter()
            .map(|organisation| organisation.code())
            .collect();
        let statement = client
            .prepare_cached(
                "WITH inserted AS (\
                   INSERT INTO registrations (account_key, phone, email, created_at, updated_at) \
                   VALUES ($1, $2, $3, now(), now()) ON CONFLICT (account_key) DO NOTHING \
                   RETURNING account_key), \
                 organisations AS (\
                   INSERT INTO registration_organisations (account_key, position, code) \
                   SELECT inserted.account_key, (chosen.position - 1)::integer, chosen.code \
                   FROM inserted, unnest($4::text[]) WITH ORDINALITY AS chosen (code, position)) \
                 SELECT EXISTS (SELECT 1 FROM inserted)",
            )
            .await?;
        let row = client
            .query_one(
                &statement,
                &[
                    &account.as_str(),
                    &registration.phone.as_str(),
                    &registration.email.as_str(),
                    &codes,
                ],
            )
            .await?;
        let inserted: bool = row.get(0);
        Ok(if inserted {
            Ok(registration)
        } else {
            Err(AccountConflict::AlreadyRegistered)
        })
    }

    pub(crate) async fn registration_update(
        &self,
        account: &AccountKey,
        registration: Registration,
    ) -> Result<Result<Registration, AccountConflict>, StorageError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let statement = transaction
            .prepare_cached(
                "UPDATE registrations SET phone = $2, email = $3, updated_at = now() \
                 WHERE account_key = $1",
            )
            .await?;
        let updated = transaction
            .execute(
                &statement,
                &[
                    &account.as_str(),
                    &registration.phone.as_str(),
                    &registration.email.as_str(),
                ],
            )
            .await?;
        if updated == 0 {
            return Ok(Err(AccountConflict::NotRegistered));
        }
        let statement = transaction
            .prepare_cached("DELETE FROM registration_organisations WHERE account_key = $1")
            .await?;
        transaction
            .execute(&statement, &[&account.as_str()])
            .await?;
        insert_organisations(&transaction, account, &registration).await?;
        transaction.commit().await?;
        Ok(Ok(registration))
    }

    pub(crate) async fn profile_create(
        &self,
        account: &AccountKey,
        profile: Profile,
    ) -> Result<Result<Profile, AccountConflict>, StorageError> {
        let client = self.pool.get().await?;
        // One statement: the insert happens only if the account is registered, and says which
        // of the two refusals it was otherwise.
        let statement = client
            .prepare_cached(
                "WITH registered AS (SELECT 1 FROM registrations WHERE account_key = $1), \
                 inserted AS (\
                   INSERT INTO profiles (account_key, professional_group, wellbeing_county, \
                                         created_at, updated_at) \
                   SELECT $1, $2, $3, now(), now() FROM registered \
                   ON CONFLICT (account_key) DO NOTHING RETURNING 1) \
                 SELECT EXISTS (SELECT 1 FROM registered), EXISTS (SELECT 1 FROM inserted)",
            )
            .await?;
        let row = client
            .query_one(
                &statement,
                &[
                    &account.as_str(),
                    &profile.professional_group.code(),
                    &profile.wellbeing_county.map(|county| county.as_str()),
                ],
            )
            .await?;
        let (registered, inserted): (bool, bool) = (row.get(0), row.get(1));
        Ok(match (registered, inserted) {
            (false, _) => Err(AccountConflict::NotRegistered),
            (true, false) => Err(AccountConflict::ProfileExists),
            (true, true) => Ok(profile),
        })
    }

    pub(crate) async fn profile_update(
        &self,
        account: &AccountKey,
        profile: Profile,
    ) -> Result<Result<Profile, AccountConflict>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "UPDATE profiles SET professional_group = $2, wellbeing_county = $3, \
                 updated_at = now() WHERE account_key = $1",
            )
            .await?;
        let updated = client
            .execute(
                &statement,
                &[
                    &account.as_str(),
                    &profile.professional_group.code(),
                    &profile.wellbeing_county.map(|county| county.as_str()),
                ],
            )
            .await?;
        Ok(if updated == 0 {
            Err(AccountConflict::NoProfile)
        } else {
            Ok(profile)
        })
    }

    pub(crate) async fn session_insert_new(
        &self,
        id: &str,
        session: &StoredSession,
    ) -> Result<bool, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (id) DO NOTHING",
            )
            .await?;
        let inserted = client
            .execute(&statement, &[&id, &session.data, &session.expires_at])
            .await?;
        Ok(inserted == 1)
    }

    pub(crate) async fn session_save(
        &self,
        id: &str,
        session: &StoredSession,
    ) -> Result<(), StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (id) DO UPDATE SET data = excluded.data, \
                 expires_at = excluded.expires_at",
            )
            .await?;
        client
            .execute(&statement, &[&id, &session.data, &session.expires_at])
            .await?;
        Ok(())
    }

    pub(crate) async fn session_load(
        &self,
        id: &str,
        now: i64,
    ) -> Result<Option<StoredSession>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2",
            )
            .await?;
        let row = client.query_opt(&statement, &[&id, &now]).await?;
        Ok(row.map(|row| StoredSession {
            data: row.get(0),
            expires_at: row.get(1),
        }))
    }

    pub(crate) async fn session_delete(&self, id: &str) -> Result<(), StorageError> {
        let client = self.pool.get().await?;
        client
            .execute("DELETE FROM sessions WHERE id = $1", &[&id])
            .await?;
        Ok(())
    }

    pub(crate) async fn sessions_delete_expired(&self, now: i64) -> Result<(), StorageError> {
        let client = self.pool.get().await?;
        client
            .execute("DELETE FROM sessions WHERE expires_at <= $1", &[&now])
            .await?;
        Ok(())
    }
}

async fn insert_organisations(
    transaction: &deadpool_postgres::Transaction<'_>,
    account: &AccountKey,
    registration: &Registration,
) -> Result<(), StorageError> {
    let statement = transaction
        .prepare_cached(
            "INSERT INTO registration_organisations (account_key, position, code) \
             VALUES ($1, $2, $3)",
        )
        .await?;
    for (position, organisation) in registration.organisations.as_slice().iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        transaction
            .execute(
                &statement,
                &[&account.as_str(), &position, &organisation.code()],
            )
            .await?;
    }
    Ok(())
}
