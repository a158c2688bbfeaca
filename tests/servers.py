"""Real servers for fault tests: gunicorn app servers, a tiny SMTP server, a TCP proxy.

Everything here runs on loopback and is stopped by the test that started it.
"""

import os
import select
import socket
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import requests
import urllib3
from django.contrib.auth.hashers import make_password
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[1]
PASSWORD = "demo-wachtwoord-2026"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, log, seconds=120):
    """Return once the app server at `url` answers; raise with its log if it exits first.

    An https URL is one of our loopback servers with a throw-away self-signed certificate
    (journeys, deployment walkthrough), so it is not verified.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app server exited: {log.read_text()}")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
                requests.get(url, timeout=10, verify=False)
            return
        except requests.RequestException:
            time.sleep(0.3)
    raise TimeoutError(url)


def database_url(host=None, port=None):
    """The URL of the test database, optionally reached through another host/port (a proxy)."""
    settings_dict = connection.settings_dict
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(
        **{
            **settings_dict,
            "HOST": host or settings_dict["HOST"] or "127.0.0.1",
            "PORT": port or settings_dict["PORT"] or 5432,
        }
    )


def give_users_the_server_password():
    """Every account gets PASSWORD (the demo's) hashed the way the servers check it: they run
    with the production hashers, which do not read the tests' fast MD5 hashes."""
    from accounts.models import User

    User.objects.update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))


# The test databases whose cache tables this process has created (prepare_for_app_servers).
_CACHE_TABLES_CREATED = set()


def prepare_for_app_servers(env):
    """Passwords the servers can check, and an empty shared cache table."""
    give_users_the_server_password()
    # The test settings use a per-process cache; the servers use the shared database cache.
    # Its tables are no model tables, so the flush after a transactional test leaves them: one
    # `createcachetable` process per test database (about 3 CPU seconds each) is enough.
    if connection.settings_dict["NAME"] not in _CACHE_TABLES_CREATED:
        subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=BASE_DIR, env=env, check=True)
        _CACHE_TABLES_CREATED.add(connection.settings_dict["NAME"])
    with connection.cursor() as cursor:
        for table in ("cop_cache", "cop_page_cache"):  # not model tables, so the test flush leaves them
            cursor.execute(f"DELETE FROM {table}")


def app_server_env(database_url, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cop_site.settings.dev",
        "DATABASE_URL": database_url,
        "PAGE_CACHE_ENABLED": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        # Lexical search only: embedding the demo would add half a minute to every server's
        # database, and the semantic layer has tests of its own (tests/search/test_hybrid*.py).
        "SEARCH_EMBEDDING_MODEL": "",
        **extra,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


class AppServer:
    """One gunicorn master with its workers, serving the test database."""

    def __init__(self, env, log, workers=2, extra_args=(), port=None):
        # `port` lets a caller put the server's own address into its environment first
        # (PUBLIC_BASE_URL for the links in mails); by default any free port.
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cop_site.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                *extra_args,
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait(self):
        wait_until_up(self.url + "/account/login/", self.process, self.log)

    def worker_pids(self):
        """The worker processes of this master (children in /proc)."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == self.process.pid:
                pids.append(int(entry.name))
        return sorted(pids)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


# Whether this test process has run production's `collectstatic` yet (collect_static_files).
_STATIC_FILES_COLLECTED = []


def collect_static_files(collect):
    """Run `collect()`, production's `manage.py collectstatic`, once per test process.

    The journeys' site and the deployment walkthrough both serve STATIC_ROOT with production's
    settings (CompressedManifestStaticFilesStorage). Every run of the command hashes and
    compresses every file again, about 25 CPU seconds, and writes the same files from the same
    sources; so whichever of the two comes first collects, as a separate process with its own
    environment, and the other serves what it wrote.
    """
    if not _STATIC_FILES_COLLECTED:
        collect()
        _STATIC_FILES_COLLECTED.append(True)


def start_app_servers(count, env, tmp_path, **kwargs):
    servers = [AppServer(env, tmp_path / f"gunicorn-{number}.log", **kwargs) for number in range(count)]
    try:
        for server in servers:
            server.wait()
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers


def browser_session():
    """A browser behind the load balancer: every server sees the same public host name."""
    session = requests.Session()
    session.headers["Host"] = "localhost"
    return session


def login(session, base_url, email, password=PASSWORD, timeout=10):
    session.get(base_url + "/account/login/", timeout=timeout)
    return session.post(
        base_url + "/account/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": base_url + "/account/login/"},
        timeout=timeout,
    )


# -- a tiny SMTP server --------------------------------------------------------------------


class SMTPServer:
    """Just enough SMTP (RFC 5321, no extensions) for Django's SMTP backend; keeps the messages.

    `start()` listens on a fixed port, `stop()` closes it: while stopped, connections to that
    port are refused, exactly like a mail server that is down.
    """

    def __init__(self, port=None):
        self.port = port or free_port()
        self.messages = []  # (recipients, raw message text)
        self._listener = None
        self._thread = None

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        self._thread = threading.Thread(target=self._serve, args=(listener,), daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._listener is not None:
            # close() alone does not wake the thread blocked in accept() (Linux): the join then
            # waited out its 5 s after every test that had started the server.
            try:
                self._listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._listener.close()
            self._thread.join(timeout=5)
            self._listener = None

    def _serve(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(client,), daemon=True).start()

    def _session(self, client):
        with client, client.makefile("rb") as reader:

            def reply(line):
                client.sendall(line.encode() + b"\r\n")

            reply("220 localhost test SMTP")
            recipients = []
            while True:
                line = reader.readline()
                if not line:
                    return
                command = line.decode("utf-8", "replace").strip()
                verb = command[:4].upper()
                if verb in ("HELO", "EHLO"):
                    reply("250 localhost")
                elif verb == "MAIL":
                    recipients = []
                    reply("250 OK")
                elif verb == "RCPT":
                    recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                    reply("250 OK")
                elif verb == "DATA":
                    reply("354 End data with <CR><LF>.<CR><LF>")
                    lines = []
                    while True:
                        data = reader.readline()
                        if not data or data in (b".\r\n", b".\n"):
                            break
                        lines.append(data.decode("utf-8", "replace"))
                    self.messages.append((recipients, "".join(lines)))
                    reply("250 OK queued")
                elif verb == "QUIT":
                    reply("221 Bye")
                    return
                else:
                    reply("250 OK")  # RSET, NOOP


# -- a TCP proxy that can cut the line -----------------------------------------------------


class TCPProxy:
    """Forwards 127.0.0.1:<port> to a target. `cut()` closes every open connection and refuses
    new ones (the database "restarting"); `restore()` accepts connections again."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self._lock = threading.Lock()
        self._sockets = set()
        self._listener = None
        self.connections = 0

    def start(self):
        self.restore()
        return self

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        """Close the listening socket (new connections are refused) and every open connection."""
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = self._sockets, set()
        if listener is not None:
            listener.close()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    stop = cut

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:  # cut while connecting
                    client.close()
                    upstream.close()
                    return
                self._sockets.update((client, upstream))
                self.connections += 1
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, client, upstream):
        pair = {client: upstream, upstream: client}
        try:
            while True:
                readable, _, _ = select.select(list(pair), [], [], 1.0)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    pair[sock].sendall(data)
        except (OSError, ValueError):
            return
        finally:
            with self._lock:
                self._sockets.discard(client)
                self._sockets.discard(upstream)
            for sock in (client, upstream):
                try:
                    sock.close()
                except OSError:
                    pass
