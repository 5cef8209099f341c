"""Branch sync: packages one site sends another (reqdesk sync export / import)."""
