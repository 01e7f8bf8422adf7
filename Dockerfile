# monitor: the daemon in a container. Build: docker build -t monitor .
# Run:   docker run -d -v monitor-data:/data monitor
# Rules: mount your own over /app/rules (docker run -v $PWD/my-rules:/app/rules:ro ...) or set MONITOR_RULES.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MONITOR_DATABASE_URL=sqlite:////data/monitor.db \
    MONITOR_RULES=/app/rules

WORKDIR /app
COPY pyproject.toml README.md ./
COPY monitor ./monitor
COPY migrations ./migrations
COPY rules ./rules
RUN pip install . \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin monitor \
 && mkdir -p /data && chown monitor /data

USER monitor
VOLUME ["/data"]

# Healthy while the database answers and the daemon keeps polling.
HEALTHCHECK --interval=60s --timeout=20s --start-period=30s --retries=3 \
  CMD ["monitor", "health", "--max-age", "30m"]

CMD ["monitor", "run"]
