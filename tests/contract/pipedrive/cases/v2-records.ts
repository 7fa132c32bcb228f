/** Contract cases for the v2 record endpoints, called through the official client. */
import { v2 } from 'pipedrive';
import { type ContractCase, type ContractContext, viaClient } from '../support/harness.js';

const op = (operationId: string) => ({ spec: 'v2' as const, operationId });

/** A record created for a case that changes or deletes one, so the shared data stays intact. */
async function scratchPerson(context: ContractContext): Promise<number> {
  const created = await new v2.PersonsApi(context.v2).addPerson({ AddPersonRequest: { name: 'Scratch Person' } });
  return created.data?.id ?? 0;
}

export function v2RecordCases(): ContractCase[] {
  return [
    {
      title: 'getPersons',
      target: op('getPersons'),
      run: (c) =>
        viaClient(c, () =>
          new v2.PersonsApi(c.v2).getPersons({ limit: 50, sort_by: 'update_time', include_option_labels: true }),
        ),
    },
    {
      title: 'getPerson',
      target: op('getPerson'),
      run: (c) => viaClient(c, () => new v2.PersonsApi(c.v2).getPerson({ id: c.fixtures.personId })),
    },
    {
      title: 'addPerson',
      target: op('addPerson'),
      run: (c) =>
        viaClient(c, () =>
          new v2.PersonsApi(c.v2).addPerson({
            AddPersonRequest: {
              name: 'Ada Lovelace',
              emails: [{ value: 'ada@example.com', primary: true, label: 'work' }],
              org_id: c.fixtures.organizationId,
            },
          }),
        ),
    },
    {
      title: 'updatePerson',
      target: op('updatePerson'),
      run: async (c) => {
        const id = await scratchPerson(c);
        return viaClient(c, () =>
          new v2.PersonsApi(c.v2).updatePerson({ id, UpdatePersonRequest: { name: 'Renamed Person', visible_to: 1 } }),
        );
      },
    },
    {
      title: 'deletePerson',
      target: op('deletePerson'),
      run: async (c) => {
        const id = await scratchPerson(c);
        return viaClient(c, () => new v2.PersonsApi(c.v2).deletePerson({ id }));
      },
    },
    {
      title: 'getOrganizations',
      target: op('getOrganizations'),
      run: (c) => viaClient(c, () => new v2.OrganizationsApi(c.v2).getOrganizations({ limit: 50 })),
    },
    {
      title: 'getOrganization',
      target: op('getOrganization'),
      run: (c) => viaClient(c, () => new v2.OrganizationsApi(c.v2).getOrganization({ id: c.fixtures.organizationId })),
    },
    {
      title: 'addOrganization',
      target: op('addOrganization'),
      run: (c) =>
        viaClient(c, () =>
          new v2.OrganizationsApi(c.v2).addOrganization({
            AddOrganizationRequest: { name: 'Contract Org OÜ', address: { value: 'Narva mnt 5, Tallinn' } },
          }),
        ),
    },
    {
      title: 'updateOrganization',
      target: op('updateOrganization'),
      run: async (c) => {
        const created = await new v2.OrganizationsApi(c.v2).addOrganization({
          AddOrganizationRequest: { name: 'To rename' },
        });
        return viaClient(c, () =>
          new v2.OrganizationsApi(c.v2).updateOrganization({
            id: created.data?.id ?? 0,
            UpdateOrganizationRequest: { name: 'Renamed' },
          }),
        );
      },
    },
    {
      title: 'deleteOrganization',
      target: op('deleteOrganization'),
      run: async (c) => {
        const created = await new v2.OrganizationsApi(c.v2).addOrganization({
          AddOrganizationRequest: { name: 'To delete' },
        });
        return viaClient(c, () => new v2.OrganizationsApi(c.v2).deleteOrganization({ id: created.data?.id ?? 0 }));
      },
    },
    {
      title: 'getDeals',
      target: op('getDeals'),
      run: (c) => viaClient(c, () => new v2.DealsApi(c.v2).getDeals({ limit: 100, status: 'won' })),
    },
    {
      title: 'getDeals (deleted)',
      target: op('getDeals'),
      run: (c) => viaClient(c, () => new v2.DealsApi(c.v2).getDeals({ limit: 100, status: 'deleted' })),
    },
    {
      title: 'getArchivedDeals',
      target: op('getArchivedDeals'),
      run: (c) => viaClient(c, () => new v2.DealsApi(c.v2).getArchivedDeals({ limit: 100 })),
    },
    {
      title: 'getDeal',
      target: op('getDeal'),
      run: (c) =>
        viaClient(c, () => new v2.DealsApi(c.v2).getDeal({ id: c.fixtures.dealId, include_option_labels: true })),
    },
    {
      title: 'addDeal',
      target: op('addDeal'),
      run: (c) =>
        viaClient(c, () =>
          new v2.DealsApi(c.v2).addDeal({
            AddDealRequest: { title: 'Contract deal', value: 1200, currency: 'USD', person_id: c.fixtures.personId },
          }),
        ),
    },
    {
      title: 'updateDeal',
      target: op('updateDeal'),
      run: async (c) => {
        const created = await new v2.DealsApi(c.v2).addDeal({ AddDealRequest: { title: 'To win' } });
        return viaClient(c, () =>
          new v2.DealsApi(c.v2).updateDeal({ id: created.data?.id ?? 0, UpdateDealRequest: { status: 'won' } }),
        );
      },
    },
    {
      title: 'deleteDeal',
      target: op('deleteDeal'),
      run: async (c) => {
        const created = await new v2.DealsApi(c.v2).addDeal({ AddDealRequest: { title: 'To delete' } });
        return viaClient(c, () => new v2.DealsApi(c.v2).deleteDeal({ id: created.data?.id ?? 0 }));
      },
    },
    {
      title: 'getProducts',
      target: op('getProducts'),
      run: (c) => viaClient(c, () => new v2.ProductsApi(c.v2).getProducts({ sort_by: 'name' })),
    },
    {
      title: 'getProduct',
      target: op('getProduct'),
      run: (c) => viaClient(c, () => new v2.ProductsApi(c.v2).getProduct({ id: c.fixtures.productId })),
    },
    {
      title: 'addProduct',
      target: op('addProduct'),
      run: (c) =>
        viaClient(c, () =>
          new v2.ProductsApi(c.v2).addProduct({
            AddProductRequest: { name: 'Contract widget', prices: [{ price: 10, currency: 'EUR' }] },
          }),
        ),
    },
    {
      title: 'updateProduct',
      target: op('updateProduct'),
      run: async (c) => {
        const created = await new v2.ProductsApi(c.v2).addProduct({ AddProductRequest: { name: 'To update' } });
        return viaClient(c, () =>
          new v2.ProductsApi(c.v2).updateProduct({
            id: created.data?.id ?? 0,
            UpdateProductRequest: { name: 'Updated', tax: 20 },
          }),
        );
      },
    },
    {
      title: 'deleteProduct',
      target: op('deleteProduct'),
      run: async (c) => {
        const created = await new v2.ProductsApi(c.v2).addProduct({ AddProductRequest: { name: 'To delete' } });
        return viaClient(c, () => new v2.ProductsApi(c.v2).deleteProduct({ id: created.data?.id ?? 0 }));
      },
    },
    {
      title: 'getActivities',
      target: op('getActivities'),
      run: (c) =>
        viaClient(c, () => new v2.ActivitiesApi(c.v2).getActivities({ limit: 100, include_fields: 'attendees' })),
    },
    {
      title: 'getActivity',
      target: op('getActivity'),
      run: (c) => viaClient(c, () => new v2.ActivitiesApi(c.v2).getActivity({ id: c.fixtures.activityId })),
    },
    {
      title: 'addActivity',
      target: op('addActivity'),
      run: (c) =>
        viaClient(c, () =>
          new v2.ActivitiesApi(c.v2).addActivity({
            AddActivityRequest: {
              subject: 'Lunch',
              type: 'lunch',
              due_date: '2026-06-02',
              due_time: '12:30',
              participants: [{ person_id: c.fixtures.personId, primary: true }],
            },
          }),
        ),
    },
    {
      title: 'updateActivity',
      target: op('updateActivity'),
      run: async (c) => {
        const created = await new v2.ActivitiesApi(c.v2).addActivity({
          AddActivityRequest: { subject: 'Call', type: 'call' },
        });
        return viaClient(c, () =>
          new v2.ActivitiesApi(c.v2).updateActivity({ id: created.data?.id ?? 0, AddActivityRequest: { done: true } }),
        );
      },
    },
    {
      title: 'deleteActivity',
      target: op('deleteActivity'),
      run: async (c) => {
        const created = await new v2.ActivitiesApi(c.v2).addActivity({
          AddActivityRequest: { subject: 'Deadline', type: 'deadline' },
        });
        return viaClient(c, () => new v2.ActivitiesApi(c.v2).deleteActivity({ id: created.data?.id ?? 0 }));
      },
    },
    {
      title: 'getPipelines',
      target: op('getPipelines'),
      run: (c) => viaClient(c, () => new v2.PipelinesApi(c.v2).getPipelines()),
    },
    {
      title: 'getPipeline',
      target: op('getPipeline'),
      run: (c) => viaClient(c, () => new v2.PipelinesApi(c.v2).getPipeline({ id: c.fixtures.pipelineId })),
    },
    {
      title: 'addPipeline',
      target: op('addPipeline'),
      run: (c) =>
        viaClient(c, () =>
          new v2.PipelinesApi(c.v2).addPipeline({ AddPipelineRequest: { name: 'Contract pipeline' } }),
        ),
    },
    {
      title: 'updatePipeline',
      target: op('updatePipeline'),
      run: async (c) => {
        const created = await new v2.PipelinesApi(c.v2).addPipeline({ AddPipelineRequest: { name: 'To rename' } });
        return viaClient(c, () =>
          new v2.PipelinesApi(c.v2).updatePipeline({
            id: created.data?.id ?? 0,
            UpdatePipelineRequest: { name: 'Renamed pipeline' },
          }),
        );
      },
    },
    {
      title: 'deletePipeline',
      target: op('deletePipeline'),
      run: async (c) => {
        const created = await new v2.PipelinesApi(c.v2).addPipeline({ AddPipelineRequest: { name: 'To delete' } });
        return viaClient(c, () => new v2.PipelinesApi(c.v2).deletePipeline({ id: created.data?.id ?? 0 }));
      },
    },
    {
      title: 'getStages',
      target: op('getStages'),
      run: (c) =>
        viaClient(c, () =>
          new v2.StagesApi(c.v2).getStages({ pipeline_id: c.fixtures.pipelineId, sort_by: 'order_nr' }),
        ),
    },
    {
      title: 'getStage',
      target: op('getStage'),
      run: (c) => viaClient(c, () => new v2.StagesApi(c.v2).getStage({ id: c.fixtures.stageId })),
    },
    {
      title: 'addStage',
      target: op('addStage'),
      run: (c) =>
        viaClient(c, () =>
          new v2.StagesApi(c.v2).addStage({
            AddStageRequest: { name: 'Contract stage', pipeline_id: c.fixtures.pipelineId, deal_probability: 50 },
          }),
        ),
    },
    {
      title: 'updateStage',
      target: op('updateStage'),
      run: async (c) => {
        const created = await new v2.StagesApi(c.v2).addStage({
          AddStageRequest: { name: 'To rename', pipeline_id: c.fixtures.pipelineId },
        });
        return viaClient(c, () =>
          new v2.StagesApi(c.v2).updateStage({
            id: created.data?.id ?? 0,
            UpdateStageRequest: { name: 'Renamed stage' },
          }),
        );
      },
    },
    {
      title: 'deleteStage',
      target: op('deleteStage'),
      run: async (c) => {
        const created = await new v2.StagesApi(c.v2).addStage({
          AddStageRequest: { name: 'To delete', pipeline_id: c.fixtures.pipelineId },
        });
        return viaClient(c, () => new v2.StagesApi(c.v2).deleteStage({ id: created.data?.id ?? 0 }));
      },
    },
    {
      title: 'getDealsProducts',
      target: op('getDealsProducts'),
      run: (c) =>
        viaClient(c, () =>
          new v2.DealProductsApi(c.v2).getDealsProducts({ deal_ids: [c.fixtures.dealWithProducts, c.fixtures.dealId] }),
        ),
    },
    {
      title: 'getDealProducts',
      target: op('getDealProducts'),
      run: (c) => viaClient(c, () => new v2.DealProductsApi(c.v2).getDealProducts({ id: c.fixtures.dealWithProducts })),
    },
    {
      title: 'addDealProduct',
      target: op('addDealProduct'),
      run: (c) =>
        viaClient(c, () =>
          new v2.DealProductsApi(c.v2).addDealProduct({
            id: c.fixtures.dealId,
            AddDealProductRequest: { product_id: c.fixtures.productId, item_price: 99.5, quantity: 3, discount: 10 },
          }),
        ),
    },
  ];
}
