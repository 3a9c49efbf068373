"""The pet store's GET /pets/{petId} and GET /health in FastAPI: the peer of
examples/petstore in bench/server_bench.py. Run by Debian's Python with its packages
(python3-fastapi, python3-uvicorn, python3-jwt, python3-cryptography):

    BENCH_JWKS=keys.json BENCH_AUDIENCE=aud BENCH_ISSUER=iss \\
        /usr/bin/python3 -m uvicorn fastapi_petstore:app --workers 2 --port 8001

The bearer token gets the checks oaskit's JwtVerifier makes for the pet store: an ES256
signature by a key of the local JWKS (chosen by kid), exp, nbf and iat with 60 s of leeway,
iss, aud, and the pets:read scope; the petId is an integer >= 1.
"""

import json
import os

import jwt
from fastapi import Depends, FastAPI, HTTPException, Path, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

with open(os.environ["BENCH_JWKS"], encoding="utf-8") as f:
    KEYS = {k["kid"]: jwt.PyJWK(k).key for k in json.load(f)["keys"]}
AUDIENCE = os.environ["BENCH_AUDIENCE"]
ISSUER = os.environ["BENCH_ISSUER"]

PETS = {1: {"id": 1, "name": "Rex", "tag": "dog"}, 2: {"id": 2, "name": "Tom", "tag": "cat"}}

app = FastAPI(title="Pet Store")
bearer = HTTPBearer()


async def principal(credentials: HTTPAuthorizationCredentials = Security(bearer)) -> dict:
    token = credentials.credentials
    try:
        header = jwt.get_unverified_header(token)
        key = KEYS.get(header.get("kid"))
        if key is None:
            raise jwt.InvalidTokenError("unknown kid")
        claims = jwt.decode(token, key, algorithms=["ES256"], audience=AUDIENCE, issuer=ISSUER,
                            leeway=60, options={"require": ["exp", "iss", "aud"]})
    except jwt.InvalidTokenError as error:
        raise HTTPException(401, str(error), {"WWW-Authenticate": 'Bearer error="invalid_token"'})
    if "pets:read" not in claims.get("scope", "").split():
        raise HTTPException(403, "Not enough permissions",
                            {"WWW-Authenticate": 'Bearer error="insufficient_scope"'})
    return claims


@app.get("/health")
async def health() -> dict:
    return {"status": "ok"}


@app.get("/pets/{petId}")
async def get_pet(petId: int = Path(ge=1), claims: dict = Depends(principal)) -> dict:
    pet = PETS.get(petId)
    if pet is None:
        raise HTTPException(404, f"Pet {petId} not found")
    return pet
