#!/usr/bin/env python3
"""Production rules for docker-compose.yml, read from `docker-compose config` (stdin: the resolved YAML
with every profile). Each rule is one that a review of the file once found broken; a message names it."""
import re
import sys

import yaml

config = yaml.safe_load(sys.stdin)
services = config.get("services", {})
problems = []


def check(ok, message):
    if not ok:
        problems.append(message)


def seconds(value):
    match = re.fullmatch(r"(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?", str(value or ""))
    if not match or not any(match.groups()):
        return 0
    return int(match.group(1) or 0) * 60 + float(match.group(2) or 0)


for name in ("sqlserver", "db-init", "migrate", "api", "azurite", "prometheus", "grafana"):
    check(name in services, f"service {name} is missing")

for name, service in services.items():
    image = service.get("image", "")
    tag = image.rsplit(":", 1)[1] if ":" in image.split("/")[-1] else ""
    check(tag and tag != "latest" and (service.get("build") or re.search(r"\d", tag)),
          f"{name}: image '{image}' is not pinned to a version")
    env = service.get("environment") or {}
    for key, value in env.items():
        secretish = re.search(r"PASSWORD|SECRET|SIGNINGKEY|SIGNING_KEY|ACCOUNTKEY|CONNECTIONSTRING|CONNECTION_STRING", key.upper().replace("__", "_"))
        check(not secretish or key.endswith("__FILE") or key.endswith("_FILE"),
              f"{name}: {key} is a secret in plain environment; use a compose secret file")
        check("Password=" not in str(value) and "AccountKey=" not in str(value),
              f"{name}: {key} carries a password or account key")
    for test in [service.get("healthcheck", {}).get("test")]:
        text = " ".join(test) if isinstance(test, list) else str(test or "")
        check(" -P " not in text, f"{name}: the health check puts a password on sqlcmd's command line")
    if name not in ("db-init", "migrate"):
        check(service.get("logging", {}).get("options", {}).get("max-size"), f"{name}: no log rotation (logging max-size)")
        check(service.get("mem_limit"), f"{name}: no memory limit")
        check(service.get("pids_limit"), f"{name}: no pids limit")
    for port in service.get("ports", []):
        published = port if isinstance(port, str) else f"{port.get('host_ip', '')}:{port.get('published')}:{port.get('target')}"
        check(str(published).startswith("127.0.0.1:"), f"{name}: port {published} is published on every address, not 127.0.0.1")
        check(":9464" not in str(published), f"{name}: the metrics port is published")

api = services.get("api", {})
env = api.get("environment") or {}
check(str(env.get("Database__MigrateOnStartup", "true")).lower() == "false", "api: Database__MigrateOnStartup must be false (the migrate service applies migrations)")
check(seconds(api.get("stop_grace_period")) > float(env.get("Shutdown__TimeoutSeconds", 30)),
      "api: stop_grace_period must be longer than Shutdown__TimeoutSeconds (default 30 s), or uploads in flight are killed")
check(api.get("healthcheck", {}).get("test"), "api: no health check")
depends = api.get("depends_on") or {}
check(isinstance(depends, dict) and depends.get("migrate", {}).get("condition") == "service_completed_successfully",
      "api: must start only after the migrate service completed successfully")
check("azurite" not in depends, "api: must not need azurite (a profile) when storage is local")
targets = {s.get("target") if isinstance(s, dict) else s for s in api.get("secrets", [])}
for target in ("ConnectionStrings__Default", "Jwt__SigningKey", "Media__UrlSigningKeys__0"):
    check(target in targets, f"api: secret {target} is not mounted")

migrate = services.get("migrate", {})
check((migrate.get("depends_on") or {}).get("db-init", {}).get("condition") == "service_completed_successfully",
      "migrate: must run after db-init completed")
check(migrate.get("build", {}).get("target") == "migrations", "migrate: must be the Dockerfile's migrations target (the EF bundle)")

for name, profile in (("azurite", "azure"), ("prometheus", "observability"), ("grafana", "observability")):
    check(profile in (services.get(name, {}).get("profiles") or []), f"{name}: must be in the '{profile}' profile")

for name, secret in (config.get("secrets") or {}).items():
    check("file" in secret, f"secret {name} must come from a file")

if problems:
    for problem in problems:
        print(f"check-compose: {problem}", file=sys.stderr)
    sys.exit(1)
print(f"check-compose: {len(services)} services follow the production rules")
