"""Stage 2, learn: from a seeded sample of a site, its page families, each family's block
(the template: slots in order, their variants, where pages hold their own lines) and its
older versions (`site.site_templates`)."""
