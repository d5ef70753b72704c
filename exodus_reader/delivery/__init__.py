"""How the module reaches a classroom: JupyterLab (``lab``), the student release without
answers (``release``), the lesson website (``site``) and the launch links (``links``)."""
