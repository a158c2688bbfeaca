"""Business rules of the knowledge base (filled in below)."""
