#!/usr/bin/env python3
"""A slixmpp client driven by SlixmppEndToEndTest.

It logs in over STARTTLS with SCRAM-SHA-256, sets and reads back its vCard, stores and reads back
private XML, sends a message to a peer and waits for the peer's answer. Each step prints one line
("STEP value"); the last line is "DONE" on success or "FAIL reason". The exit status is 0 only on
success. Usage: slixmpp_client.py HOST PORT JID PASSWORD PEER_FULL_JID
"""
import asyncio
import ssl
import sys

import slixmpp
from slixmpp.xmlstream import ElementBase

STEP_TIMEOUT = 15


def report(step, value=""):
    print(f"{step} {value}".rstrip(), flush=True)


class Prefs(ElementBase):
    name = "prefs"
    namespace = "urn:example:slixmpp:prefs"
    plugin_attrib = "prefs"
    interfaces = {"theme"}
    sub_interfaces = {"theme"}


class Client(slixmpp.ClientXMPP):
    def __init__(self, jid, password, peer):
        super().__init__(jid, password, sasl_mech="SCRAM-SHA-256")
        self.peer = peer
        self.ok = False
        self.tls = False
        self.answer = None
        # The test node has a generated self-signed certificate.
        self.ssl_context.check_hostname = False
        self.ssl_context.verify_mode = ssl.CERT_NONE
        # slixmpp 1.8 knows only the tls-unique channel binding, which Meerkat does not offer (it
        # is undefined for TLS 1.3, RFC 9266). With binding data at hand it would send the "y"
        # flag ("the server does not seem to support channel binding"), which a server that
        # advertises SCRAM-*-PLUS must reject as a possible downgrade (RFC 5802 section 6). So this
        # client declares that it does no channel binding at all ("n").
        mechanisms = self["feature_mechanisms"]
        default_credentials = mechanisms.sasl_callback

        def credentials(required, optional):
            values = default_credentials(required, optional)
            if "channel_binding" in values:
                values["channel_binding"] = None
            return values

        mechanisms.sasl_callback = credentials
        self.register_plugin("xep_0054")
        self.register_plugin("xep_0049")
        self["xep_0049"].register(Prefs)
        self.add_event_handler("tls_success", self.on_tls)
        self.add_event_handler("failed_auth", self.on_failed_auth)
        self.add_event_handler("session_start", self.on_session_start)
        self.add_event_handler("message", self.on_message)

    def on_tls(self, _):
        self.tls = True

    def on_failed_auth(self, _):
        report("FAIL", "authentication failed")
        self.disconnect()

    def on_message(self, msg):
        if msg["type"] in ("chat", "normal") and self.answer is not None and not self.answer.done():
            self.answer.set_result(msg)

    async def on_session_start(self, _):
        try:
            await self.run_steps()
            self.ok = True
            report("DONE")
        except Exception as e:  # any failure ends the run with a readable reason
            report("FAIL", f"{type(e).__name__}: {e}")
        finally:
            self.disconnect()

    async def run_steps(self):
        report("TLS", "yes" if self.tls else "no")
        report("MECHANISM", self["feature_mechanisms"].mech.name)
        report("BOUND", self.boundjid.full)

        vcard = self["xep_0054"].make_vcard()
        vcard["FN"] = "Slix Client"
        vcard["NICKNAME"] = "slixy"
        await self["xep_0054"].publish_vcard(vcard, timeout=STEP_TIMEOUT)
        own = await self["xep_0054"].get_vcard(
            self.boundjid.bare, local=False, timeout=STEP_TIMEOUT)
        nicknames = own["vcard_temp"]["NICKNAME"]  # a list: a vCard may hold several
        report("VCARD", ",".join(nicknames) if isinstance(nicknames, list) else nicknames)

        prefs = Prefs()
        prefs["theme"] = "dark"
        await self["xep_0049"].store(prefs, timeout=STEP_TIMEOUT)
        stored = await self["xep_0049"].retrieve("prefs", timeout=STEP_TIMEOUT)
        report("PRIVATE", stored["private"]["prefs"]["theme"])

        self.answer = asyncio.get_running_loop().create_future()
        self.send_presence()
        self.send_message(mto=self.peer, mbody="hello from slixmpp", mtype="chat")
        reply = await asyncio.wait_for(self.answer, STEP_TIMEOUT)
        report("RECEIVED", reply["body"])


def main():
    host, port, jid, password, peer = sys.argv[1:6]
    client = Client(jid, password, peer)
    disconnected = client.disconnected
    client.connect((host, int(port)), force_starttls=True)
    try:
        client.loop.run_until_complete(asyncio.wait_for(disconnected, 60))
    except asyncio.TimeoutError:
        report("FAIL", "no result within 60 s")
    sys.exit(0 if client.ok else 1)


if __name__ == "__main__":
    main()
