#!/usr/bin/env python3
"""Serves the built site (dist/, scripts/bundle.mjs) for scripts/run.sh: Python's static server
plus the headers embedding needs.

Access-Control-Allow-Origin: * lets other sites' pages load the element's module scripts and
the .wasm (module scripts and WebAssembly.instantiateStreaming fetch in CORS mode); the files
are public and static, so any origin may read them. Text and the .wasm go out compressed, as
real hosts serve them (Vary: Accept-Encoding): brotli to a client that accepts it, from the
file's precompressed copy (name.br, written by the build) if that is not older than the file;
else gzip, compressed here once per file version. The page's first load then moves about a
quarter of the bytes. Usage: serve.py PORT DIRECTORY.
"""
import functools
import gzip
import http.server
import io
import os
import sys

# What is worth compressing: text and the .wasm (images here are SVG, text too; .map: the
# bundle's source maps). scripts/bundle.mjs writes brotli copies of the same kinds.
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".txt", ".md", ".map"}
# Compressed bodies by (path, modification time, size): each file is compressed once.
_compressed = {}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".map": "application/json",
    }

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def send_head(self):
        """A compressible file, to a client that accepts brotli or gzip: its compressed body; else
        as usual."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = os.path.join(path, "index.html")
        accepted = {
            token.split(";")[0].strip()
            for token in self.headers.get("Accept-Encoding", "").split(",")
        }
        ext = os.path.splitext(path)[1].lower()
        if not (ext in COMPRESSIBLE and os.path.isfile(path) and accepted & {"br", "gzip"}):
            return super().send_head()
        stat = os.stat(path)
        brotli = path + ".br"
        if "br" in accepted and os.path.isfile(brotli) and os.stat(brotli).st_mtime_ns >= stat.st_mtime_ns:
            encoding = "br"
            with open(brotli, "rb") as f:
                body = f.read()
        elif "gzip" in accepted:
            encoding = "gzip"
            key = (path, stat.st_mtime_ns, stat.st_size)
            body = _compressed.get(key)
            if body is None:
                with open(path, "rb") as f:
                    body = gzip.compress(f.read(), compresslevel=6, mtime=0)
                _compressed[key] = body
        else:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
