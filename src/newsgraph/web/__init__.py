"""The dashboard's templates and static assets (shipped as package data)."""
