//! The connection loop, in place of `axum::serve`, which has no limits: a client that stalls
//! while sending its headers or its body is cut off, the connections served at once are
//! bounded, and a connection closed with a request body still coming is closed the way
//! nginx's lingering close does it, so the client reads its answer (a 413, a 403) instead of
//! a reset.
//!
//! - headers: hyper's header read timeout (`--header-read-timeout-secs`), which also ends a
//!   keep-alive connection idle for as long;
//! - bodies: [`body_deadline`] (`--body-read-timeout-secs`), 408 `request_timeout`;
//! - connections: a semaphore of `--max-connections` permits, one taken before each accept,
//!   so clients beyond it wait in the kernel's listen queue and cost the server no file
//!   descriptor;
//! - HTTP/1.1 only: browsers speak HTTP/2 only over TLS, which the load balancer ends, and
//!   cleartext HTTP/2 would need limits of its own.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use contract::ErrorCode;
use http_body_util::BodyExt;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};
use tower::Service;
use tower_http::timeout::{DeadlineBody, TimeoutError};

/// The longest a closing connection goes on reading (and discarding) what the client still
/// sends, ...
const LINGER_TIME: Duration = Duration::from_secs(10);
/// ... as long as something arrives at least this often ...
const LINGER_IDLE: Duration = Duration::from_secs(2);
/// ... and up to this much.
const LINGER_BYTES: usize = 16 * 1024 * 1024;

/// The limits of the connection loop.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a client may take to send a request's headers.
    pub header_read_timeout: Duration,
    /// How many connections are served at once.
    pub max_connections: usize,
}

/// Serves `router` on `listener` within `limits` until `shutdown` completes, then stops
/// accepting and lets the requests under way finish. Handlers get the client's address as
/// `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let mut make_service = router.into_make_service_with_connect_info::<SocketAddr>();
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore stays open"),
            () = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) if is_connection_error(&error) => continue,
                Err(error) => {
                    // Out of file descriptors or memory: wait instead of spinning.
                    tracing::error!("accepting a connection: {error}");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let Ok(service) = make_service.call(remote).await;
        let connection = http.serve_connection(
            TokioIo::new(Lingering::new(stream)),
            TowerToHyperService::new(service),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!("connection from {remote}: {error}");
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// The soft limit of open files of this process (`ulimit -n`), where the system says
/// (Linux's `/proc/self/limits`).
pub fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max open files"))?;
    line.trim_start_matches("Max open files")
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// An error of one connection, not of the listener.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// The least time an upload's body (a registrar's training certificate, at most 5 MiB) gets:
/// enough at about 350 kbit/s, a slow mobile connection.
pub const UPLOAD_READ_TIME: Duration = Duration::from_secs(120);

/// Gives a request's body `State(limit)` to arrive (an upload at least [`UPLOAD_READ_TIME`]),
/// counted from its headers; past it, the reading fails and the answer is 408
/// `request_timeout`, with the connection closed.
pub async fn body_deadline(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    if request.body().is_end_stream() {
        return next.run(request).await;
    }
    let limit = if request.uri().path() == contract::paths::api::ADMIN_ATTACHMENTS {
        limit.max(UPLOAD_READ_TIME)
    } else {
        limit
    };
    let expired = Arc::new(AtomicBool::new(false));
    let seen = Arc::clone(&expired);
    let request = request.map(|body| {
        Body::new(DeadlineBody::new(limit, body).map_err(move |error| {
            if error.is::<TimeoutError>() {
                seen.store(true, Ordering::Relaxed);
            }
            error
        }))
    });
    let response = next.run(request).await;
    if !expired.load(Ordering::Relaxed) {
        return response;
    }
    let mut response = crate::error::refusal(ErrorCode::RequestTimeout);
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// A TCP stream whose shutdown is a lingering close: after the answer, the write side is
/// shut (the client sees the end of the answer), and what the client still sends is read and
/// discarded until it closes too, or for [`LINGER_TIME`] and [`LINGER_BYTES`] at most, so
/// that closing never meets unread data (which makes the kernel send a reset and the client
/// lose the answer it has not read yet).
struct Lingering {
    stream: TcpStream,
    linger: Option<Linger>,
}

struct Linger {
    until: Instant,
    idle: Pin<Box<Sleep>>,
    discarded: usize,
}

impl Lingering {
    fn new(stream: TcpStream) -> Lingering {
        Lingering {
            stream,
            linger: None,
        }
    }
}

impl AsyncRead for Lingering {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Lingering {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let linger = match &mut this.linger {
            Some(linger) => linger,
            None => {
                ready!(Pin::new(&mut this.stream).poll_shutdown(cx))?;
                let until = Instant::now() + LINGER_TIME;
                this.linger.insert(Linger {
                    until,
                    idle: Box::pin(tokio::time::sleep_until(
                        (Instant::now() + LINGER_IDLE).min(until),
                    )),
                    discarded: 0,
                })
            }
        };
        let mut buffer = [0u8; 8192];
        while linger.discarded < LINGER_BYTES {
            let mut read = ReadBuf::new(&mut buffer);
            match Pin::new(&mut this.stream).poll_read(cx, &mut read) {
                Poll::Ready(Ok(())) if read.filled().is_empty() => break,
                Poll::Ready(Ok(())) => {
                    linger.discarded += read.filled().len();
                    let next = (Instant::now() + LINGER_IDLE).min(linger.until);
                    linger.idle.as_mut().reset(next);
                }
                Poll::Ready(Err(_)) => break,
                Poll::Pending => {
                    ready!(linger.idle.as_mut().poll(cx));
                    break;
                }
            }
        }
        Poll::Ready(Ok(()))
    }
}
