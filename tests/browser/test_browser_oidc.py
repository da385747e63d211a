"""The university sign-in, end to end: Streamlit's own OpenID Connect sign-in (st.login,
Authlib) against a small OpenID provider this test runs on 127.0.0.1, as a university's
would be: its discovery document, an authorization endpoint that answers at once for its one
user, a token endpoint that issues an ID token signed with its RSA key, and that key.

A student signs in with the university, enters the class code, and is a student of the
class under the name the provider gives; a second visit finds the same person again.
"""

from __future__ import annotations

import json
import secrets
import shutil
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from argmap.store.classes import ClassStore, Role
from tests.browser.conftest import ROOT, chromium_path, shot, start_app, stop_app
from tests.browser.test_browser_class import new_context
from tests.support import free_port

pytestmark = pytest.mark.browser

MAP = "cybercrime-treaties"
CLIENT_ID, CLIENT_SECRET = "argmap-test", "client secret"
USER = {"sub": "univ-0042", "name": "Ada Lovelace", "email": "ada@example.edu"}


class Provider(ThreadingHTTPServer):
    """An OpenID provider with one user, who is always signed in."""

    def __init__(self, port: int) -> None:
        from joserfc.jwk import RSAKey  # Authlib's own JOSE library

        super().__init__(("127.0.0.1", port), _Handler)
        self.issuer = f"http://127.0.0.1:{port}"
        self.key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
        self.nonces: dict[str, str] = {}  # code -> the nonce the sign-in asked for
        self.tokens_issued = 0


class _Handler(BaseHTTPRequestHandler):
    server: Provider

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _json(self, data: dict[str, Any]) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        issuer = self.server.issuer
        if url.path == "/.well-known/openid-configuration":
            self._json({
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/authorize",
                "token_endpoint": f"{issuer}/token",
                "jwks_uri": f"{issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "scopes_supported": ["openid", "profile", "email"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                          "client_secret_post"],
            })  # fmt: skip
        elif url.path == "/jwks":
            self._json({"keys": [self.server.key.as_dict(private=False)]})
        elif url.path == "/authorize":
            query = dict(urllib.parse.parse_qsl(url.query))
            assert query["client_id"] == CLIENT_ID and "openid" in query["scope"].split()
            code = secrets.token_urlsafe(16)
            self.server.nonces[code] = query.get("nonce", "")
            back = {"code": code, "state": query["state"]}
            self.send_response(302)
            self.send_header("Location", f"{query['redirect_uri']}?{urllib.parse.urlencode(back)}")
            self.end_headers()
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        from joserfc import jwt

        length = int(self.headers.get("Content-Length", "0"))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        nonce = self.server.nonces.pop(form.get("code", ""), None)
        if self.path != "/token" or nonce is None:
            self.send_error(400)
            return
        now = int(time.time())
        claims = {"iss": self.server.issuer, "aud": CLIENT_ID, "iat": now, "exp": now + 600,
                  "nonce": nonce, **USER}  # fmt: skip
        token = jwt.encode({"alg": "RS256", "kid": "k1"}, claims, self.server.key)
        self.server.tokens_issued += 1
        self._json({"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                    "expires_in": 600, "id_token": token})  # fmt: skip


@pytest.fixture(scope="module")
def university(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, str, str, Provider]]:
    """An app with a class and an [auth] section naming the provider: (url, database, code,
    provider)."""
    chromium_path()
    provider = Provider(free_port())
    threading.Thread(target=provider.serve_forever, daemon=True).start()
    folder = tmp_path_factory.mktemp("uni-maps")
    shutil.copy(ROOT / "maps" / f"{MAP}.yaml", folder)
    database = f"sqlite:///{folder / 'argmap-verdicts.sqlite3'}"
    store = ClassStore(database)
    info, _ = store.create_class("Seminar", MAP, "Prof", "instructor pass")
    store.close()
    port = free_port()
    secrets_file = tmp_path_factory.mktemp("uni-secrets") / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(16)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.issuer}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    server = start_app(folder, tmp_path_factory.mktemp("uni-log") / "streamlit.log", port=port,
                       extra=["--secrets.files", str(secrets_file)])  # fmt: skip
    yield server.url, database, info.code, provider
    stop_app(server)
    provider.shutdown()


def test_a_student_signs_in_with_the_university(
    browser: Any, university: tuple[str, str, str, Provider]
) -> None:
    url, database, code, provider = university
    errors: list[str] = []
    page = new_context(browser, errors)
    page.goto(url)
    page.get_by_role("heading", name="Sign in").wait_for(timeout=30_000)
    page.get_by_role("tab", name="University sign-in").click()
    page.get_by_role("button", name="Sign in with your university").click()
    # Off to the provider and back: the university has said who this is.
    page.get_by_text("Your university says this is Ada Lovelace").wait_for(timeout=30_000)
    assert provider.tokens_issued == 1
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_label("Class code", exact=True).fill(code)
    form.get_by_role("button", name="Enter the class").click()
    page.get_by_text("Signed in as Ada Lovelace, student of Seminar").wait_for(timeout=30_000)
    shot(page, "class-university-sign-in")
    store = ClassStore(database)
    info = store.class_by_code(code)
    again = store.sign_in_external(code, USER["sub"], "Ada L.")  # the same person, by sub
    assert again.name == "Ada Lovelace" and again.role is Role.student
    assert again.class_id == info.id
    store.close()
    # The university sign-in lasts across a reload; the class sign-in's cookie too.
    page.reload()
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Account").click()
    page.get_by_text("Signed in as Ada Lovelace, student of Seminar").wait_for(timeout=30_000)
    page.context.close()
    assert errors == []
