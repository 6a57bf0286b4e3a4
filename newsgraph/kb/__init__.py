"""Knowledge bases: the place gazetteer, countries, and optional CAMEO actor dictionaries."""
