"""The pieces of the Contacts page (``ui/pages/contacts.py``, which holds them together).

    people_panel.py        PeoplePanel: the People tab (search, filters, list, archive, add to list)
    people_model.py        PeopleModel: the matching ids only, rows fetched by page when shown
    people_query.py        PeopleQuery; RecentSearches: a text typed further searched within the last result
    person_form.py         PersonForm: create / edit a person (the service's rules, errors inline)
    organisations_panel.py OrganisationsPanel: the Organisations tab
    organisations_model.py OrganisationsModel: organisations with their network role marked
    organisation_form.py   OrganisationForm: create / edit an organisation, focal point, alternate
    lists_panel.py         DistributionListsPanel: lists and their members; ListForm
    import_preview.py      ImportPreview: what an Excel import would do, Apply or Cancel
    export_options.py      ExportOptions: the list to export, leave out e-mail and phone
    common.py              small helpers shared by the above
"""
