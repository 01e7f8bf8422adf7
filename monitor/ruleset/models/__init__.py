"""One pydantic model per rules file, in the module named after it (entities.yaml -> entities), built on
fields (the shared field types). Unknown keys are rejected. Pure.

May import: events (the event kinds), types."""
