"""Contract reviews (评审会签): opening, routing, signing, conclusion, amendments."""
