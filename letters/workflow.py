"""Open letters go through the "Campaign approval" workflow, as campaigns do.

A letter under a campaign already has it (the campaign index's workflow covers its pages); one made elsewhere (under
the home page) is given it when it is created, unless another workflow already covers it.
"""

from wagtail.models import Workflow, WorkflowPage

from website.roles import CAMPAIGN_WORKFLOW


def put_under_campaign_approval(sender, instance, created, raw=False, **kwargs):
    if not created or raw or instance.get_workflow() is not None:
        return
    workflow = Workflow.objects.filter(name=CAMPAIGN_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance.page_ptr, defaults={"workflow": workflow})
