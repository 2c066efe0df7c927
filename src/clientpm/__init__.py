"""clientpm: domain logic for keeping a client relationship honest."""
