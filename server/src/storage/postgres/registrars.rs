//! PostgreSQL's SQL for registrar rights (`storage/registrars.rs` has SQLite's and the
//! interface).

use crate::storage::StorageError;
use crate::storage::postgres::Postgres;

impl Postgres {
    pub(crate) async fn add_registrar(
        &self,
        point_id: i64,
        account_key: String,
        at: i64,
    ) -> Result<bool, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "INSERT INTO registrars (point_id, account_key, granted_at) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .await?;
        let added = client
            .execute(&statement, &[&point_id, &account_key, &at])
            .await?;
        Ok(added == 1)
    }

    pub(crate) async fn registrar_point_ids(
        &self,
        account_key: String,
    ) -> Result<Vec<i64>, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "SELECT point_id FROM registrars \
                 WHERE account_key = $1 AND removed_at IS NULL ORDER BY point_id",
            )
            .await?;
        Ok(client
            .query(&statement, &[&account_key])
            .await?
            .iter()
            .map(|row| row.get(0))
            .collect())
    }

    pub(crate) async fn active_registrar_count(&self, point_id: i64) -> Result<i64, StorageError> {
        let client = self.pool.get().await?;
        let statement = client
            .prepare_cached(
                "SELECT count(*) FROM registrars WHERE point_id = $1 AND removed_at IS NULL",
            )
            .await?;
        Ok(client.query_one(&statement, &[&point_id]).await?.get(0))
    }
}
