#!/usr/bin/env python3
"""Serves www/ for scripts/run.sh: Python's static server plus the headers embedding needs.

Access-Control-Allow-Origin: * lets other sites' pages load the element's module scripts and
the .wasm (module scripts and WebAssembly.instantiateStreaming fetch in CORS mode); the files
are public and static, so any origin may read them. Usage: serve.py PORT DIRECTORY.
"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
