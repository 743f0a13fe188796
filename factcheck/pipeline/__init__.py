"""pipeline: verify over a project: units of work per claims file, the cache, parallel checking.

Named `pipeline` rather than `verify` so that `factcheck.verify` stays the public function."""
