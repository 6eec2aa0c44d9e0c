"""Railgrain's domain and persistence: entities, rules, services. Never imports Qt."""
