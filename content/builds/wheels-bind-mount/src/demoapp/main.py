"""HTTP endpoints. Run with gunicorn and uvicorn workers:

    gunicorn --worker-class uvicorn.workers.UvicornWorker demoapp.main:app
"""

from fastapi import FastAPI
from pydantic import BaseModel

from demoapp import __version__
from demoapp._speedups import fnv1a64

app = FastAPI(title="demoapp", version=__version__)


class Digest(BaseModel):
    text: str
    fnv1a64: str


@app.get("/")
def index() -> dict[str, str]:
    return {"service": "demoapp", "version": __version__}


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/digest/{text}", response_model=Digest)
def digest(text: str) -> Digest:
    """The 64-bit FNV-1a hash of the text, computed by the C extension."""
    return Digest(text=text, fnv1a64=f"{fnv1a64(text.encode()):016x}")
